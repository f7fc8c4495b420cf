#!/usr/bin/env bash
# The HTTP benchmark (make bench-http): builds the jar, serves the demo publication from a
# temporary data folder on loopback, warms it up, then measures the front page, an article, a
# section and a search with wrk at a fixed concurrency, and the article again for a returning
# reader within the meter and over it. In the same run nginx serves saved copies of the same
# pages, as each reader got them, as static files on another loopback port: the reference.
# Absolute figures change from machine to machine; the ratio to nginx is the one to compare.
#
# Settings: BENCH_SECONDS (10) per measurement, BENCH_WARMUP_SECONDS (5) per page,
# BENCH_CONNECTIONS (32). Everything it starts is stopped when it ends, however it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_EACH=${BENCH_SECONDS:-10}
WARMUP=${BENCH_WARMUP_SECONDS:-5}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=2
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

install_if_missing() {  # command, Debian package
  if ! command -v "$1" >/dev/null 2>&1 && ! [ -x "/usr/sbin/$1" ]; then
    echo "installing $2"
    $SUDO apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$2" >/dev/null
  fi
}
install_if_missing wrk wrk
install_if_missing nginx nginx
install_if_missing curl curl
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

echo "building target/dispatch.jar and the test classes (for the benchmark's readers with accounts)"
mvn -B -q package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test

WORK=$(mktemp -d)
chmod 755 "$WORK"
DISPATCH_PID=""
NGINX_PID=""
cleanup() {
  set +e  # stop everything even if one step fails
  if [ -n "$DISPATCH_PID" ]; then kill "$DISPATCH_PID" 2>/dev/null; wait "$DISPATCH_PID" 2>/dev/null; fi
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Dispatch, on a free port it picks itself (it prints its address once it is serving).
DISPATCH_PORT=0 DISPATCH_BIND=127.0.0.1 DISPATCH_DATA_DIR="$WORK/data" DISPATCH_DEMO=true \
  java -jar target/dispatch.jar >"$WORK/dispatch.log" 2>&1 &
DISPATCH_PID=$!
BASE=""
for _ in $(seq 1 120); do
  BASE=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/dispatch.log" | head -1 || true)
  [ -n "$BASE" ] && break
  kill -0 "$DISPATCH_PID" 2>/dev/null || { echo "Dispatch did not start:"; cat "$WORK/dispatch.log"; exit 1; }
  sleep 0.5
done
[ -n "$BASE" ] || { echo "Dispatch did not start within a minute"; exit 1; }
curl -sf "$BASE/readyz" >/dev/null || { echo "Dispatch is not ready"; exit 1; }

# The first article on the front page that a new reader may read (not one for members only).
ARTICLE=""
ARTICLES=$(curl -sf "$BASE/" | grep -o 'href="/articles/[a-z0-9-]*"' | cut -d'"' -f2 | awk '!seen[$0]++')
for candidate in $ARTICLES; do
  if ! curl -sf "$BASE$candidate" | grep -q 'class="app-paywall"'; then ARTICLE=$candidate; break; fi
done
[ -n "$ARTICLE" ] || { echo "no free article on the front page"; exit 1; }
SECTION=$(curl -sf "$BASE/" | grep -o 'href="/sections/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)

# Returning readers: the meter cookie a reader holds after reading other articles, as the site
# gave it (the site runs with its default of 3 free articles a month). With one article read,
# the measured article is within the meter: each request is counted (the signed cookie is checked,
# and a new one, two articles long, is signed and set). With three read, it is over the meter: the
# cookie is checked and the gated page sent.
meter_cookie() {  # articles to have read first
  local jar="$WORK/meter-$1.jar" count=0
  : >"$jar"
  for other in $ARTICLES; do
    [ "$count" -lt "$1" ] || break
    [ "$other" != "$ARTICLE" ] || continue
    curl -sf -b "$jar" -c "$jar" "$BASE$other" >/dev/null
    count=$(awk '$6 == "dispatch_meter" { split($7, part, "."); print split(part[2], ids, "_") }' "$jar")
    count=${count:-0}
  done
  [ "$count" -eq "$1" ] || { echo "could not read $1 articles for a returning reader's cookie" >&2; exit 1; }
  awk '$6 == "dispatch_meter" { print "Cookie: dispatch_meter=" $7 }' "$jar"
}
WITHIN=$(meter_cookie 1)
OVER=$(meter_cookie 3)

# Readers with accounts: a free reader and a member (joined through the test gateway), made in
# the running site's database by a test class, then signed in over HTTP as anyone would. The
# class prints a members-only article, which the member reads in full.
PASSWORD="bench $(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
MEMBERS=$(java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" dispatch.membership.BenchReaders \
  "$WORK/data" "$PASSWORD")
session_cookie() {  # email
  local jar="$WORK/session-$1.jar" token
  : >"$jar"
  token=$(curl -sf -b "$jar" -c "$jar" "$BASE/account/sign-in" | grep -o 'name="csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
  curl -sf -o /dev/null -b "$jar" -c "$jar" --data-urlencode "email=$1" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "next=/account" --data-urlencode "csrf=$token" "$BASE/account/sign-in"
  awk '$6 ~ /dispatch_session$/ { print "Cookie: " $6 "=" $7 }' "$jar"
}
READER=$(session_cookie bench-reader@example.org)
MEMBER=$(session_cookie bench-member@example.org)
[ -n "$READER" ] && [ -n "$MEMBER" ] || { echo "could not sign in the benchmark's readers"; exit 1; }
[ -n "$MEMBERS" ] || { echo "no members-only article"; exit 1; }
curl -sf -H "$MEMBER" "$BASE$MEMBERS" | grep -q 'class="app-paywall"' && { echo "the member is not let in"; exit 1; }

NAMES=("front page" "article" "article, within meter" "article, over meter" "section" "search"
  "front page, signed in" "article, signed in" "members' article, member" "search, member")
PATHS=("/" "$ARTICLE" "$ARTICLE" "$ARTICLE" "$SECTION" "/search?q=Erdogan"
  "/" "$ARTICLE" "$MEMBERS" "/search?q=Erdogan")
HEADERS=("" "" "$WITHIN" "$OVER" "" "" "$READER" "$READER" "$MEMBER" "$MEMBER")
curl -sf -H "$WITHIN" "$BASE$ARTICLE" | grep -q 'app-meter' || { echo "the returning reader is not within the meter"; exit 1; }
curl -sf -H "$OVER" "$BASE$ARTICLE" | grep -q 'class="app-paywall"' || { echo "the returning reader is not over the meter"; exit 1; }

# nginx, serving what Dispatch answered for each page, saved as plain files.
mkdir -p "$WORK/www" "$WORK/nginx-temp"
for i in "${!PATHS[@]}"; do
  curl -sf ${HEADERS[$i]:+-H "${HEADERS[$i]}"} "$BASE${PATHS[$i]}" -o "$WORK/www/page-$i.html"
done
NGINX_PORT=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 40000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then NGINX_PORT=$candidate; break; fi
done
[ -n "$NGINX_PORT" ] || { echo "no free port for nginx"; exit 1; }
cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log $WORK/nginx-access.log;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/html;
  client_body_temp_path $WORK/nginx-temp/body;
  proxy_temp_path $WORK/nginx-temp/proxy;
  fastcgi_temp_path $WORK/nginx-temp/fastcgi;
  uwsgi_temp_path $WORK/nginx-temp/uwsgi;
  scgi_temp_path $WORK/nginx-temp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
}
CONF
"$NGINX" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" &
NGINX_PID=$!
for _ in $(seq 1 50); do
  curl -sf "http://127.0.0.1:$NGINX_PORT/page-0.html" >/dev/null && break
  sleep 0.1
done

# wrk's summary as: requests/s, p50 ms, p99 ms, non-2xx responses, socket errors
measure() {  # url seconds [header]
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency ${3:+-H "$3"} "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    /Socket errors/ { errors = $0; sub(/.*Socket errors: /, "", errors) }
    END { printf "%s %.2f %.2f %d %s\n", rps, p50, p99, bad, (errors == "" ? "none" : errors) }'
}

echo "warming up Dispatch (${WARMUP} s a page)"
for i in "${!PATHS[@]}"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP"s ${HEADERS[$i]:+-H "${HEADERS[$i]}"} "$BASE${PATHS[$i]}" >/dev/null
done
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "http://127.0.0.1:$NGINX_PORT/page-0.html" >/dev/null

echo "measuring: ${SECONDS_EACH} s a page, $CONNECTIONS connections, $THREADS wrk threads, $(nproc) cores"
declare -a ROWS
for i in "${!PATHS[@]}"; do
  read -r d_rps d_p50 d_p99 d_bad d_err < <(measure "$BASE${PATHS[$i]}" "$SECONDS_EACH" "${HEADERS[$i]}")
  read -r n_rps n_p50 n_p99 n_bad n_err < <(measure "http://127.0.0.1:$NGINX_PORT/page-$i.html" "$SECONDS_EACH")
  ROWS+=("$(printf '%-26s %10.0f %7.2f %7.2f %10.0f %7.2f %7.2f %6.2f' "${NAMES[$i]}" \
    "$d_rps" "$d_p50" "$d_p99" "$n_rps" "$n_p50" "$n_p99" "$(awk "BEGIN { print $d_rps / $n_rps }")")")
  if [ "$d_bad" != 0 ] || [ "$d_err" != none ]; then
    ROWS+=("                           Dispatch: $d_bad non-2xx responses; socket errors: $d_err")
  fi
done

echo
echo "Pages: ${PATHS[*]}"
printf '%-26s %10s %7s %7s %10s %7s %7s %6s\n' "" "Dispatch" "p50" "p99" "nginx" "p50" "p99" "ratio"
printf '%-26s %10s %7s %7s %10s %7s %7s %6s\n' "page" "req/s" "ms" "ms" "req/s" "ms" "ms" ""
printf '%s\n' "${ROWS[@]}"
echo
echo "Targets (ratio to nginx, p99): new readers' front page, article and section 0.8, 10 ms;"
echo "returning readers' article 0.5, 20 ms; signed-in readers and members 0.3, 20 ms; search 0.5, 20 ms."
