#!/usr/bin/env bash
# The AI gateway's overhead: a synopsis generation through POST /api/v1/organizations/{org}/ai/generations (sign-in
# check, validation, template, routing, credit hold and commit, the generation and usage rows, the OpenAI SDK call)
# beside the chat-completions request the gateway sends, posted straight to the same local stub (bench/AiStub.java,
# OpenAI's wire format), both at 16 connections with wrk, alternating, in one run. Overhead = the difference of the
# p50 latencies; throughput ratio = gateway / direct. The stub answers after STUB_DELAY_MS (default 200: a fast model's
# first-to-last-byte time; 0 shows the gateway's own ceiling).
# Usage: bench/ai-gateway.sh [seconds per run, default 20]   (wrk: apt-get install wrk); JAVA_OPTS for the app, e.g. a JFR recording;
# JAR=path runs another build (an earlier one, to compare) instead of target/'s, without building.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

SECONDS_PER_RUN=${1:-20}
PORT=${BENCH_PORT:-18082}
STUB_PORT=${STUB_PORT:-18983}
DELAY=${STUB_DELAY_MS:-200}
CONNECTIONS=16
OUT=${OUT:-bench/results}
DATA=$(mktemp -d /tmp/modo-bench-ai-XXXXXX)
mkdir -p "$OUT"
JAR=${JAR:-target/modo-verse-0.1.0-SNAPSHOT.jar}
[ "${REBUILD:-1}" = 0 ] && [ -f "$JAR" ] || [ "$JAR" != target/modo-verse-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -B -DskipTests package >&2

java bench/AiStub.java "$STUB_PORT" "$DELAY" 500 > "$OUT/ai-stub.log" 2>&1 &
STUB=$!
MODO_DATA_DIR="$DATA" PORT="$PORT" MODO_AI_OPENAI_API_KEY=sk-bench-gateway MODO_AI_OPENAI_BASE_URL="http://127.0.0.1:$STUB_PORT/v1" \
  MODO_AI_GENERATIONS_PER_USER_LIMIT=100000000 java ${JAVA_OPTS:-} -jar "$JAR" > "$OUT/ai-gateway-app.log" 2>&1 &
APP=$!
trap 'kill $APP $STUB 2>/dev/null; wait $APP $STUB 2>/dev/null; rm -rf "$DATA"' EXIT
BASE="http://127.0.0.1:$PORT"
until curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.5; done
until curl -fs "http://127.0.0.1:$STUB_PORT/stats" >/dev/null 2>&1; do sleep 0.2; done

login() {
  curl -fs "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"Demo-Creator-Verse-2026\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
OWNER=$(login raka@kancil.demo)
ADMIN=$(login admin@modo.demo)
ORG=$(curl -fs -H "Authorization: Bearer $OWNER" "$BASE/api/v1/organizations" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
PLAN=$(curl -fs -H "Authorization: Bearer $OWNER" "$BASE/api/v1/organizations/$ORG/subscription" | sed 's/.*"plan":"\([^"]*\)".*/\1/')
# The plan runs as many generations at once as the bench sends, and the studio has the credits for every one.
curl -fs "$BASE/api/v1/plans" | python3 -c "
import json, sys
plan = next(p for p in json.load(sys.stdin) if p['key'] == '$PLAN')
print(json.dumps({'name': plan['name'], 'monthly_price': plan['monthly_price'], 'yearly_price': plan['yearly_price'],
    'monthly_credits': plan['monthly_credits'], 'rollover_cap': plan['rollover_cap'], 'storage_limit_bytes': plan['storage_limit_bytes'],
    'project_limit': plan['project_limit'], 'member_limit': plan['member_limit'], 'byok_allowed': plan['features']['byok_allowed'],
    'active': plan['active'], 'sort_order': plan['sort_order'], 'ai_concurrency': 64}))" > "$DATA/plan.json"
curl -fs -o /dev/null -X PUT -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  "$BASE/api/v1/admin/plans/$PLAN" --data @"$DATA/plan.json"
curl -fs -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -H "Idempotency-Key: bench-$(date +%s%N)" \
  "$BASE/api/v1/admin/organizations/$ORG/credits/adjustments" -d '{"amount":100000000,"bucket":"bonus","reason":"AI gateway benchmark"}'

PREMISE="A young mouse deer must cross a river full of crocodiles to reach the forest where his sister is held."
cat > "$DATA/gateway.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $OWNER"
wrk.body = '{"type":"synopsis","input":{"premise":"$PREMISE","genre":"Fable","tone":"warm"}}'
LUA
# What the gateway sends the provider for that generation (the OpenAI SDK's chat-completions body), straight to the stub.
cat > "$DATA/direct.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-bench-gateway"
wrk.body = '{"messages":[{"role":"system","content":"You are a story development assistant for film, series and animation creators."},{"role":"user","content":"Write a synopsis of three to five paragraphs for this story. Premise: $PREMISE"}],"model":"gpt-4.1-mini","max_completion_tokens":1200}'
LUA
GATEWAY_URL="$BASE/api/v1/organizations/$ORG/ai/generations"
DIRECT_URL="http://127.0.0.1:$STUB_PORT/v1/chat/completions"
curl -fs -o /dev/null -H "Authorization: Bearer $OWNER" -H 'Content-Type: application/json' "$GATEWAY_URL" \
  -d "{\"type\":\"synopsis\",\"input\":{\"premise\":\"$PREMISE\"}}" || { echo "the gateway refused the benchmark's generation" >&2; exit 1; }

. bench/lib.sh
run() { wrk -t2 -c$CONNECTIONS -d"${SECONDS_PER_RUN}s" --timeout 10s --latency -s "$DATA/$1.lua" "$2" > "$OUT/wrk-ai-$1.txt"; wrk_summary "$OUT/wrk-ai-$1.txt"; }
run gateway "$GATEWAY_URL" >/dev/null   # warm-up both paths
run direct "$DIRECT_URL" >/dev/null
read -r g1 gp1 gq1 < <(run gateway "$GATEWAY_URL")
read -r d1 dp1 dq1 < <(run direct "$DIRECT_URL")
read -r d2 dp2 dq2 < <(run direct "$DIRECT_URL")
read -r g2 gp2 gq2 < <(run gateway "$GATEWAY_URL")
python3 - "$g1" "$gp1" "$gq1" "$g2" "$gp2" "$gq2" "$d1" "$dp1" "$dq1" "$d2" "$dp2" "$dq2" "$DELAY" <<'PY'
import sys
v = [float(x) for x in sys.argv[1:13]]
g = [(v[0], v[1], v[2]), (v[3], v[4], v[5])]
d = [(v[6], v[7], v[8]), (v[9], v[10], v[11])]
for name, runs in (("gateway", g), ("direct to the stub", d)):
    for rps, p50, p99 in runs:
        print(f"{name}: {rps:.1f} req/s, p50 {p50:.2f} ms, p99 {p99:.2f} ms")
grps = sum(r[0] for r in g) / 2; drps = sum(r[0] for r in d) / 2
gp50 = sum(r[1] for r in g) / 2; dp50 = sum(r[1] for r in d) / 2
print(f"stub answering in {sys.argv[13]} ms, 16 connections: p50 overhead {gp50 - dp50:.2f} ms (goal <= 5), "
      f"throughput {grps / drps:.2f} x direct (goal >= 0.5)")
PY
stats=$(curl -fs "http://127.0.0.1:$STUB_PORT/stats")
charged=$(curl -fs -H "Authorization: Bearer $OWNER" "$BASE/api/v1/organizations/$ORG/ai/usage?group_by=type" | python3 -c "
import json, sys; t = json.load(sys.stdin)['totals']; print(t['generations'], t['credits'])")
echo "stub served $stats; the studio's usage log: generations and credits $charged"
