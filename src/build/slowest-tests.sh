#!/usr/bin/env bash
# Prints the ten slowest test classes of the last run, from Surefire's reports (both engines'),
# so that a suite growing slow shows where the time goes. Prints nothing when there are none.
set -u
cd "$(dirname "$0")/../.."
reports=$(ls target/surefire-reports/TEST-*.xml target/surefire-reports-postgresql/TEST-*.xml 2>/dev/null)
[ -n "$reports" ] || exit 0
echo "The ten slowest test classes (seconds, class, engine):"
for f in $reports; do
  engine=sqlite
  case "$f" in *postgresql*) engine=postgresql ;; esac
  head -c 2000 "$f" | tr '\n' ' ' | grep -o '<testsuite [^>]*>' | head -1 \
    | sed -E 's/.* name="([^"]*)".* time="([^"]*)".*/\2 \1/' \
    | awk -v e="$engine" '{ printf "%9.1f  %s  %s\n", $1, $2, e }'
done | sort -rn | head -10
