#!/usr/bin/env bash
# Two Dispatch nodes on one PostgreSQL behind nginx, on loopback (make two-nodes).
#
#   nginx     http://127.0.0.1:8080  -> node 1 on 127.0.0.1:8081 and node 2 on 127.0.0.1:8082, in turn
#   database  DISPATCH_DATABASE_URL if it is set (with DISPATCH_DATABASE_USER and _PASSWORD);
#             otherwise a throwaway PostgreSQL cluster in a temporary folder (Debian's postgresql)
#   data      one data folder for both nodes (uploaded images), in the temporary folder
#
# It signs in to the newsroom through nginx and shows the same session answered by both nodes,
# then serves until Ctrl-C. With --check it stops after that demonstration instead (exit 1 if
# it failed). Everything it starts is stopped when it ends, however it ends. Needs
# target/dispatch.jar (make build); installs Debian's nginx, curl and postgresql if missing.
set -euo pipefail
cd "$(dirname "$0")/../../.."
HERE=src/examples/two-nodes
CHECK_ONLY=false
[ "${1:-}" = "--check" ] && CHECK_ONLY=true
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

[ -f target/dispatch.jar ] || { echo "target/dispatch.jar is missing: run make build first"; exit 1; }
for port in 8080 8081 8082; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port on 127.0.0.1 is in use; this example needs 8080, 8081 and 8082"; exit 1
  fi
done

install_if_missing() {  # command, Debian package
  if ! command -v "$1" >/dev/null 2>&1 && ! [ -x "/usr/sbin/$1" ]; then
    echo "installing $2"
    $SUDO apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$2" >/dev/null
  fi
}
install_if_missing nginx nginx
install_if_missing curl curl
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

WORK=$(mktemp -d)
chmod 755 "$WORK"
PIDS=()
PG_BIN=""
cleanup() {
  set +e  # stop everything even if one step fails
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  if [ -n "$PG_BIN" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# PostgreSQL refuses to run as root: as root, the throwaway cluster runs as the postgres user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ -z "${DISPATCH_DATABASE_URL:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "installing postgresql"
    $SUDO apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q postgresql >/dev/null
  fi
  PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  PG_PORT=""
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PG_PORT=$candidate; break; fi
  done
  [ -n "$PG_PORT" ] || { echo "no free port for PostgreSQL"; exit 1; }
  mkdir -p "$WORK/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
  echo "starting a throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
  # Trust on loopback only, in a cluster that lives as long as this script: no password to keep.
  as_postgres "$PG_BIN/initdb" -D "$WORK/pg" -U dispatch -A trust -E UTF8 >"$WORK/initdb.log"
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -k $WORK/pg" start >/dev/null
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U dispatch dispatch
  export DISPATCH_DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/dispatch"
  export DISPATCH_DATABASE_USER=dispatch
fi

mkdir -p "$WORK/data"
start_node() {  # number, port
  DISPATCH_PORT=$2 DISPATCH_BIND=127.0.0.1 DISPATCH_DATA_DIR="$WORK/data" DISPATCH_BASE_URL=http://127.0.0.1:8080 \
    DISPATCH_ACCESS_LOG=false java -jar target/dispatch.jar >"$WORK/node-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$2/readyz" >/dev/null && { echo "node $1 is serving on 127.0.0.1:$2"; return; }
    kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "node $1 did not start:"; cat "$WORK/node-$1.log"; exit 1; }
    sleep 0.5
  done
  echo "node $1 did not start within a minute"; exit 1
}
# One after the other, so that what each prints reads in order: the first migrates the empty
# database and loads the demo publication, the second finds both done. (They could start
# together: the second would wait for the first.)
start_node 1 8081
start_node 2 8082

mkdir -p "$WORK/nginx/temp"
"$NGINX" -p "$WORK/nginx" -c "$PWD/$HERE/nginx.conf" -e "$WORK/nginx/nginx-error.log" &
PIDS+=($!)
for _ in $(seq 1 50); do curl -sf http://127.0.0.1:8080/healthz >/dev/null && break; sleep 0.1; done

# The demonstration: sign in to the newsroom through nginx, then ask for the newsroom four
# times with the session cookie; nginx sends the requests to the two nodes in turn.
JAR="$WORK/cookies"
SITE=http://127.0.0.1:8080
# The demo staff's passwords are generated when the demo publication is loaded, and written
# to the (shared) data folder, readable by this user only.
PASSWORD=$(awk '$1 == "editor@meridian-east.example" { print $2 }' "$WORK/data/demo-staff-passwords.txt")
TOKEN=$(curl -sf -c "$JAR" -b "$JAR" "$SITE/newsroom/sign-in" | grep -o 'name="csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" "$SITE/newsroom/sign-in" \
  --data-urlencode "csrf=$TOKEN" --data-urlencode "email=editor@meridian-east.example" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "next=/newsroom")
echo
echo "signed in to the newsroom through nginx (HTTP $STATUS); the same session cookie, four requests:"
OK=true
NODES=""
for _ in 1 2 3 4; do
  read -r code node < <(curl -s -o /dev/null -D - -b "$JAR" "$SITE/newsroom" \
    | awk 'NR == 1 { code = $2 } tolower($1) == "x-dispatch-node:" { node = $2 } END { print code, node }' | tr -d '\r')
  echo "  GET /newsroom -> $code from node $node"
  [ "$code" = 200 ] || OK=false
  NODES="$NODES $node"
done
if [ "$STATUS" = 303 ] && $OK && [ "$(echo $NODES | tr ' ' '\n' | sort -u | wc -l)" = 2 ]; then
  echo "the session made on one node was honoured by both"
else
  echo "the demonstration failed: see $WORK"; $CHECK_ONLY && exit 1
fi
$CHECK_ONLY && exit 0

echo
echo "Dispatch is serving on two nodes at $SITE (newsroom: editor@meridian-east.example,"
echo "password in $WORK/data/demo-staff-passwords.txt). Press Ctrl-C to stop everything."
wait "${PIDS[0]}"
