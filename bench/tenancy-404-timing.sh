#!/usr/bin/env bash
# Whether a 404 for someone else's organization can be told from a 404 for a missing one by its
# timing: starts the app from the jar, signs up one caller and several owners with an organization
# each, then times GET /api/v1/organizations/{id} and .../members for both kinds, interleaved
# (bench/TenancyTiming.java). Usage: bench/tenancy-404-timing.sh [requests per kind, default 2000] [warm-up, default 500]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2

N=${1:-2000}
WARM_UP=${2:-500}
ORGS=${BENCH_ORGS:-10}
PORT=${BENCH_PORT:-18094}
DATA=$(mktemp -d /tmp/modo-bench-tenancy-XXXXXX)
OUT=bench/results
mkdir -p "$OUT"
JAR=target/modo-verse-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] && [ "${REBUILD:-1}" = 0 ] || ./mvnw -q -B -DskipTests package >&2
MODO_DATA_DIR="$DATA" MODO_DEMO_DATA=false PORT="$PORT" java -jar "$JAR" > "$OUT/tenancy-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { echo "the app did not start; see $OUT/tenancy-app.log" >&2; exit 1; }
  sleep 0.2
done

BASE="http://127.0.0.1:$PORT"
PASSWORD='Bench-Mark-Jakarta-2026'
token() {
  curl -fs "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\",\"name\":\"Bench\"}" >/dev/null
  curl -fs "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
CALLER=$(token caller@bench.example.id)
# The caller belongs to an organization of their own too, as a real user would.
curl -fs "$BASE/api/v1/organizations" -H "Authorization: Bearer $CALLER" -H 'Content-Type: application/json' \
  -d '{"name":"Caller Studio"}' >/dev/null
OTHERS=()
for i in $(seq 1 "$ORGS"); do
  OWNER=$(token "owner$i@bench.example.id")
  ORG=$(curl -fs "$BASE/api/v1/organizations" -H "Authorization: Bearer $OWNER" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench Studio $i\"}" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  OTHERS+=("$ORG")
done

java bench/TenancyTiming.java "$BASE" "$CALLER" "$N" "$WARM_UP" "${OTHERS[@]}" | tee "$OUT/tenancy-404-timing.txt"
