#!/usr/bin/env bash
# How long one request takes to reach its steady state from a cold start: starts the jar on the demo data and runs wrk
# on PATH in back-to-back chunks, printing per chunk the requests/s, p50 and p99, the methods the JIT has compiled so
# far and the young collections so far (jstat). A benchmark whose warm-up ends before the compiled count stops
# climbing measures the JIT, not the code.
#
# Usage: bench/steady.sh PATH [CHUNKS, default 6] [SECONDS per chunk, default 15]
#   PATH as in bench/paired.sh ({P} for the demo project). CONNECTIONS (default 16), JAR (default target/*.jar), JAVA_OPTS.
# Example: bench/steady.sh '/projects/{P}' 6 15
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ $# -ge 1 ] || { sed -n 2,9p "$0" >&2; exit 2; }
CHUNKS=${2:-6}; SECONDS_PER_CHUNK=${3:-15}
JAR=${JAR:-target/modo-verse-0.1.0-SNAPSHOT.jar}
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package >&2
OUT=bench/results
mkdir -p "$OUT"
. bench/lib.sh
start_app 18213 "${JAVA_OPTS:-}" "$JAR" "$OUT/steady-app.log"
trap 'kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null; rm -rf "$APP_DATA"' EXIT
demo_target http://127.0.0.1:18213 "$1"
echo "chunk  seconds     req/s   p50 ms   p99 ms  JIT-compiled  young GCs"
for chunk in $(seq 1 "$CHUNKS"); do
  wrk -t2 -c"${CONNECTIONS:-16}" -d"${SECONDS_PER_CHUNK}s" --latency -H "$TARGET_HEADER" "$TARGET_URL" > "$OUT/steady-wrk.txt"
  read -r rps p50 p99 <<<"$(wrk_summary "$OUT/steady-wrk.txt")"
  compiled=$(jstat -compiler "$APP_PID" | awk 'NR == 2 {print $1}')
  young=$(jstat -gcutil "$APP_PID" | awk 'NR == 2 {print $7}')
  printf "%5d %8d %9.1f %8.2f %8.2f %13s %10s\n" "$chunk" $(( chunk * SECONDS_PER_CHUNK )) "$rps" "$p50" "$p99" "$compiled" "$young"
done
