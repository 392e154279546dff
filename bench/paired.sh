#!/usr/bin/env bash
# Compares two builds or two JVM settings on one request, fairly on a machine whose speed drifts: both apps run at
# once (demo data, each with its own embedded PostgreSQL) and wrk measures them in alternating rounds, so a slower
# minute of the host hits both. Prints every round, then per side the median requests/s, p50 and p99 of the rounds.
#
# Usage: bench/paired.sh PATH CONNECTIONS ROUNDS SECONDS "A java options" "B java options"
#   PATH may hold {P} for the demo project's id; /api/… is called with a bearer token, pages with the session cookie,
#   /actuator/… and /css/… without. JAR_A and JAR_B pick the jars (default target/*.jar for both), WARM the seconds
#   of the untimed warm-up per side (default SECONDS).
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

declare -A PID DATA URL HEADER
start() { # side port options jar
  DATA[$1]=$(mktemp -d /tmp/modo-bench-paired-XXXXXX)
  # shellcheck disable=SC2086 # the options are words on purpose
  MODO_DATA_DIR=${DATA[$1]} PORT=$2 java $3 -jar "$4" > "$OUT/paired-$1.log" 2>&1 &
  PID[$1]=$!
}
stop() {
  for side in A B; do
    [ -n "${PID[$side]:-}" ] && kill "${PID[$side]}" 2>/dev/null && wait "${PID[$side]}" 2>/dev/null || true
    [ -n "${DATA[$side]:-}" ] && rm -rf "${DATA[$side]}"
  done
}
trap stop EXIT
start A 18211 "$5" "${JAR_A:-$JAR}"
start B 18212 "$6" "${JAR_B:-$JAR}"

for side in A B; do
  port=$([ $side = A ] && echo 18211 || echo 18212)
  base=http://127.0.0.1:$port
  until curl -fs "$base/actuator/health/readiness" >/dev/null 2>&1; do sleep 1; done
  token=$(curl -fs "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"raka@kancil.demo","password":"Demo-Creator-Verse-2026"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
  org=$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/organizations" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  project=$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/organizations/$org/projects" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  path=${PATH_TEMPLATE//\{P\}/$project}
  case $path in
    /api/*) HEADER[$side]="Authorization: Bearer $token" ;;
    /actuator/*|/css/*) HEADER[$side]="Accept: */*" ;;
    *) HEADER[$side]="Cookie: MODO_SESSION=$token" ;;
  esac
  URL[$side]=$base$path
  curl -fs -o /dev/null -H "${HEADER[$side]}" "${URL[$side]}" || { echo "side $side: ${URL[$side]} does not answer 2xx" >&2; exit 1; }
  wrk -t2 -c"$CONNECTIONS" -d"${WARM:-$SECONDS_PER_ROUND}s" -H "${HEADER[$side]}" "${URL[$side]}" >/dev/null
done

for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_ROUND}s" --latency -H "${HEADER[$side]}" "${URL[$side]}" > "$OUT/paired-wrk.txt"
    grep -q "Non-2xx\|Socket errors" "$OUT/paired-wrk.txt" && { cat "$OUT/paired-wrk.txt" >&2; exit 1; }
    echo "$side $round $(awk '/Requests\/sec/ {print $2}' "$OUT/paired-wrk.txt") $(awk '$1 == "50%" {print $2}' "$OUT/paired-wrk.txt") $(awk '$1 == "99%" {print $2}' "$OUT/paired-wrk.txt")"
  done
done | python3 -c '
import statistics, sys
def ms(value):
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
rounds = {}
for line in sys.stdin:
    side, number, rps, p50, p99 = line.split()
    print(f"round {number} {side}: {float(rps):8.1f} req/s  p50 {ms(p50):7.2f} ms  p99 {ms(p99):7.2f} ms", flush=True)
    rounds.setdefault(side, []).append((float(rps), ms(p50), ms(p99)))
for side, values in sorted(rounds.items()):
    median = lambda i: statistics.median(v[i] for v in values)
    print(f"{side}: median of {len(values)} rounds {median(0):8.1f} req/s  p50 {median(1):7.2f} ms  p99 {median(2):7.2f} ms")
'
