#!/usr/bin/env bash
# The archive benchmark (make bench-archive): generates an archive of the size a real outlet
# has (ArchiveGenerator: 200,000 articles over twenty years, 2,000,000 meter reads, 100,000
# reader accounts) into a temporary data folder on SQLite, starts the site on it, and measures
# the pages that grow with the archive: the front page, a section's first and last page, a
# topic, a writer, an archive month, the sitemaps, a feed and a search. For each page: the
# first request (nothing cached: what the database costs) timed with curl, then requests per
# second and latency with wrk at a fixed concurrency (from the page cache, as readers get it).
# It also times the generation, the site's start on the archive and the backup command.
#
# Settings: ARCHIVE_ARTICLES (200000), ARCHIVE_READS (2000000), ARCHIVE_READERS (100000),
# BENCH_SECONDS (5) per page, BENCH_CONNECTIONS (32). Everything it starts is stopped when it
# ends, however it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."

ARTICLES=${ARCHIVE_ARTICLES:-200000}
READS=${ARCHIVE_READS:-2000000}
READERS=${ARCHIVE_READERS:-100000}
SECONDS_EACH=${BENCH_SECONDS:-5}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=2
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "installing $tool"
    $SUDO apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$tool" >/dev/null
  fi
done

echo "building target/dispatch.jar and the test classes (the generator lives with the tests)"
mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
CLASSPATH_TEST="target/test-classes:target/classes:$(cat target/test-classpath.txt)"

WORK=$(mktemp -d)
DISPATCH_PID=""
cleanup() {
  set +e
  if [ -n "$DISPATCH_PID" ]; then kill "$DISPATCH_PID" 2>/dev/null; wait "$DISPATCH_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
export DISPATCH_DATA_DIR="$WORK/data" DISPATCH_DEMO=true DISPATCH_ACCESS_LOG=false

now_ms() { date +%s%3N; }

echo "generating $ARTICLES articles, $READS meter reads and $READERS readers (on top of the demo publication)"
t0=$(now_ms)
java -cp "$CLASSPATH_TEST" dispatch.archive.ArchiveGenerator "$ARTICLES" "$READS" "$READERS"
GENERATE_MS=$(( $(now_ms) - t0 ))
DB_SIZE=$(du -sh "$DISPATCH_DATA_DIR" | cut -f1)

t0=$(now_ms)
DISPATCH_PORT=0 DISPATCH_BIND=127.0.0.1 java -jar target/dispatch.jar >"$WORK/dispatch.log" 2>&1 &
DISPATCH_PID=$!
BASE=""
for _ in $(seq 1 1200); do
  BASE=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/dispatch.log" | head -1 || true)
  [ -n "$BASE" ] && break
  kill -0 "$DISPATCH_PID" 2>/dev/null || { echo "Dispatch did not start:"; cat "$WORK/dispatch.log"; exit 1; }
  sleep 0.1
done
[ -n "$BASE" ] || { echo "Dispatch did not start within two minutes"; exit 1; }
curl -sf "$BASE/readyz" >/dev/null || { echo "Dispatch is not ready"; exit 1; }
STARTUP_MS=$(( $(now_ms) - t0 ))

SECTION=$(curl -sf "$BASE/sections" | grep -o 'href="/sections/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
TOPIC=$(curl -sf "$BASE/topics" | grep -o 'href="/topics/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
WRITER=$(curl -sf "$BASE/authors" | grep -o 'href="/authors/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
MONTH=$(date -u -d '-400 days' +/archive/%Y/%m)
NAMES=("front page" "section, first" "section, last" "section, deep" "topic" "writer" "archive month"
  "sitemap index" "sitemap file" "news sitemap" "feed" "search")
PATHS=("/" "$SECTION" "$SECTION?page=last" "$SECTION?before=$(date -u -d '-15 years' +%Y-%m-%dT%H:%M:%SZ)-999999999"
  "$TOPIC" "$WRITER" "$MONTH" "/sitemap.xml" "/sitemaps/articles-2.xml" "/sitemap-news.xml" "/feeds/all.rss"
  "/search?q=harvest+figures")

# wrk's summary as: requests/s, p50 ms, p99 ms, non-2xx responses
measure() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$SECONDS_EACH"s --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    END { printf "%s %.2f %.2f %d\n", rps, p50, p99, bad }'
}

echo "measuring: first request with curl, then ${SECONDS_EACH} s a page with wrk, $CONNECTIONS connections, $(nproc) cores"
declare -a ROWS
for i in "${!PATHS[@]}"; do
  url="$BASE${PATHS[$i]}"
  read -r status first size < <(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' "$url")
  read -r rps p50 p99 bad < <(measure "$url")
  ROWS+=("$(printf '%-16s %6s %9.1f %9s %9.0f %7.2f %7.2f %6s' "${NAMES[$i]}" "$status" \
    "$(awk "BEGIN { print $first * 1000 }")" "$size" "$rps" "$p50" "$p99" "$bad")")
done

BACKUP_MS=""
t0=$(now_ms)
java -jar target/dispatch.jar backup --to "$WORK/backup.db" >/dev/null
BACKUP_MS=$(( $(now_ms) - t0 ))

echo
echo "Archive: $ARTICLES generated articles (plus the demo's), $READS meter reads, $READERS readers; data folder $DB_SIZE"
echo "Pages: ${PATHS[*]}"
printf '%-16s %6s %9s %9s %9s %7s %7s %6s\n' "page" "status" "first ms" "bytes" "req/s" "p50 ms" "p99 ms" "non2xx"
printf '%s\n' "${ROWS[@]}"
echo
printf 'generation %.1f s; startup on the archive %.1f s; backup %.1f s (%s)\n' \
  "$(awk "BEGIN { print $GENERATE_MS / 1000 }")" "$(awk "BEGIN { print $STARTUP_MS / 1000 }")" \
  "$(awk "BEGIN { print $BACKUP_MS / 1000 }")" "$(du -h "$WORK/backup.db" | cut -f1)"
