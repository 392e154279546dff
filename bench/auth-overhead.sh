#!/usr/bin/env bash
# What authentication costs per request: GET /api/v1/me with a bearer token beside /actuator/health,
# both at 32 connections in the same run (wrk, Debian package), and the p50 latency of a sign-in
# (dominated by Argon2id). Usage: bench/auth-overhead.sh [seconds per endpoint, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

SECONDS_PER_RUN=${1:-20}
PORT=${BENCH_PORT:-18081}
DATA=$(mktemp -d /tmp/modo-bench-auth-XXXXXX)
OUT=bench/results
mkdir -p "$OUT"
[ -f target/modo-verse-0.1.0-SNAPSHOT.jar ] && [ "${REBUILD:-1}" = 0 ] || ./mvnw -q -B -DskipTests package >&2
MODO_DATA_DIR="$DATA" PORT="$PORT" java -jar target/modo-verse-0.1.0-SNAPSHOT.jar > "$OUT/auth-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.2; done

BASE="http://127.0.0.1:$PORT"
curl -fs "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.id","password":"Bench-Mark-Jakarta-2026","name":"Bench"}' >/dev/null
login() {
  curl -s -o "$OUT/login.json" -w '%{time_total}\n' "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.id","password":"Bench-Mark-Jakarta-2026"}'
}
for _ in 1 2 3 4 5; do login >/dev/null; done   # warm-up
times=$(for _ in $(seq 1 30); do login; done | sort -n)
p50=$(echo "$times" | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)] * 1000}')
TOKEN=$(sed 's/.*"token":"\([^"]*\)".*/\1/' "$OUT/login.json")

# Argon2id alone, for the share of the sign-in it takes.
CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
argon=$(java -cp "$CP" bench/Argon2Timing.java)

wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "$BASE/actuator/health" > "$OUT/wrk-health.txt"   # warm-up both paths
wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me" > "$OUT/wrk-me.txt"
wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "$BASE/actuator/health" > "$OUT/wrk-health.txt"
wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me" > "$OUT/wrk-me.txt"

summary() {
  local file=$1 name=$2
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$file")
  p50=$(awk '$1 == "50%" {print $2}' "$file")
  p99=$(awk '$1 == "99%" {print $2}' "$file")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$file")
  echo "$name: ${rps} req/s, p50 ${p50}, p99 ${p99}${non2xx:+, non-2xx $non2xx}"
}
echo "sign-in p50 over 30 sequential logins: ${p50} ms"
[ -n "$argon" ] && echo "$argon"
summary "$OUT/wrk-health.txt" "GET /actuator/health (32 connections, ${SECONDS_PER_RUN} s)"
summary "$OUT/wrk-me.txt" "GET /api/v1/me with a bearer token (32 connections, ${SECONDS_PER_RUN} s)"
