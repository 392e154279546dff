#!/usr/bin/env bash
# Compares two builds or two JVM settings on one request, fairly on a machine whose speed drifts: both apps run at
# once (demo data, each with its own embedded PostgreSQL) and wrk measures them in alternating rounds, so a slower
# minute of the host hits both. Prints every round, then per side the median requests/s, p50 and p99 of the rounds.
#
# Usage: bench/paired.sh PATH CONNECTIONS ROUNDS SECONDS "A java options" "B java options"
#   PATH may hold {P} for the demo project's id; /api/… is called with a bearer token, pages with the session cookie,
#   /actuator/… and /css/… without. JAR_A and JAR_B pick the jars (default target/*.jar for both), WARM the seconds
#   of the untimed warm-up per side (default 45: the JIT takes about that long to settle, see bench/steady.sh).
# Example: JAR_A=/tmp/before.jar bench/paired.sh /api/v1/me 32 4 8 "" ""
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ $# -eq 6 ] || { sed -n 2,10p "$0" >&2; exit 2; }
PATH_TEMPLATE=$1; CONNECTIONS=$2; ROUNDS=$3; SECONDS_PER_ROUND=$4
JAR=target/modo-verse-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package >&2
OUT=bench/results
mkdir -p "$OUT"

. bench/lib.sh
declare -A PID DATA URL HEADER
stop() {
  for side in A B; do
    [ -n "${PID[$side]:-}" ] && kill "${PID[$side]}" 2>/dev/null && wait "${PID[$side]}" 2>/dev/null || true
    [ -n "${DATA[$side]:-}" ] && rm -rf "${DATA[$side]}"
  done
}
trap stop EXIT
start_app 18211 "$5" "${JAR_A:-$JAR}" "$OUT/paired-A.log"; PID[A]=$APP_PID; DATA[A]=$APP_DATA
start_app 18212 "$6" "${JAR_B:-$JAR}" "$OUT/paired-B.log"; PID[B]=$APP_PID; DATA[B]=$APP_DATA

for side in A B; do
  demo_target "http://127.0.0.1:$([ $side = A ] && echo 18211 || echo 18212)" "$PATH_TEMPLATE"
  URL[$side]=$TARGET_URL
  HEADER[$side]=$TARGET_HEADER
  wrk -t2 -c"$CONNECTIONS" -d"${WARM:-45}s" -H "${HEADER[$side]}" "${URL[$side]}" >/dev/null
done

for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_ROUND}s" --latency -H "${HEADER[$side]}" "${URL[$side]}" > "$OUT/paired-wrk.txt"
    echo "$side $round $(wrk_summary "$OUT/paired-wrk.txt")"
  done
done | python3 -c '
import statistics, sys
rounds = {}
for line in sys.stdin:
    side, number, rps, p50, p99 = line.split()
    print(f"round {number} {side}: {float(rps):8.1f} req/s  p50 {float(p50):7.2f} ms  p99 {float(p99):7.2f} ms", flush=True)
    rounds.setdefault(side, []).append((float(rps), float(p50), float(p99)))
for side, values in sorted(rounds.items()):
    median = lambda i: statistics.median(v[i] for v in values)
    print(f"{side}: median of {len(values)} rounds {median(0):8.1f} req/s  p50 {median(1):7.2f} ms  p99 {median(2):7.2f} ms")
'
