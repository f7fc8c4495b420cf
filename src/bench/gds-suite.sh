#!/usr/bin/env bash
# How many of the barriers in GDS's accessibility-tool-audit suite the audit finds (make audit-gds).
#
# The suite is not part of this project: get it with
#   git clone https://github.com/alphagov/accessibility-tool-audit
# and pass its folder: src/bench/gds-suite.sh /path/to/accessibility-tool-audit
#
# It serves the checkout on a free loopback port with python3's http.server, beside a sitemap.xml
# listing every test page of tests.json (and the example pages some tests link to, where their
# barrier is), audits them with target/dispatch.jar into GDS_OUT (target/audit-gds), then prints,
# test by test and category by category, what the audit found: certain findings, findings for a
# person to check, or nothing (src/bench/gds_compare.py). Whether a finding is about the planted
# barrier is for a person to judge from the rules it lists. The server is stopped however it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."

GDS=${1:-}
OUT=${GDS_OUT:-target/audit-gds}
JAR=target/dispatch.jar
if [ -z "$GDS" ] || [ ! -f "$GDS/tests.json" ] || [ ! -d "$GDS/tests" ]; then
  echo "usage: $0 /path/to/accessibility-tool-audit (a checkout of" \
    "https://github.com/alphagov/accessibility-tool-audit, with tests.json and tests/)" >&2
  exit 2
fi
GDS=$(cd "$GDS" && pwd)
[ -f "$JAR" ] || { echo "$JAR is missing: build it first (make build)" >&2; exit 2; }

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  set +e
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The served folder: the suite's folders as they are, and a sitemap.xml of our own at the root,
# where the audit looks for one, so that the checkout itself is left untouched.
mkdir "$WORK/root"
for d in tests example-pages assets images; do
  if [ -e "$GDS/$d" ]; then ln -s "$GDS/$d" "$WORK/root/$d"; fi
done

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT/"
python3 src/bench/gds_compare.py sitemap "$GDS" "$BASE" >"$WORK/root/sitemap.xml"
FIRST=$(python3 src/bench/gds_compare.py pages "$GDS" 2>/dev/null | head -1)
COUNT=$(python3 src/bench/gds_compare.py pages "$GDS" 2>/dev/null | wc -l)

python3 -m http.server --bind 127.0.0.1 --directory "$WORK/root" "$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('$BASE$FIRST', timeout=1)" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the suite's server did not start:"; cat "$WORK/server.log"; exit 1; }
  sleep 0.2
done

echo "auditing $COUNT pages of the GDS suite at $BASE into $OUT"
rm -rf "$OUT"
rc=0
java -jar "$JAR" audit --base-url "$BASE$FIRST" --out "$OUT" --max-pages 200 || rc=$?
# 1 means problems were found, which is what the suite is for; 2 and 3 mean the audit did not run.
if [ "$rc" -gt 1 ]; then
  echo "the audit did not run (exit $rc)" >&2
  exit "$rc"
fi
echo
python3 src/bench/gds_compare.py compare "$GDS" "$OUT/report.json" "$BASE"
