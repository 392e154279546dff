#!/usr/bin/env bash
# The AI gateway's jobs: N image generations (character_image, 202 + a job each) spread over the demo's organizations
# and EXTRA_ORGS more of raka's (on the Free plan), against the local stub (bench/AiStub.java, OpenAI's wire format)
# answering each image after STUB_DELAY_MS. Once KILL_AT of them completed, the app is killed (kill -9) and started
# again on the same data directory; then, once every generation ended, SQL on the embedded PostgreSQL checks that each
# ran exactly once: one usage row per generation, one media asset per completed image, the stub's requests against
# the generations (re-calls after the kill), the credits charged = completed x price, and no hold left.
# Throughput: completed per minute against the bound the plans allow, sum of the organizations' ai_concurrency x 60 s
# / the stub's delay; before the kill, after the restart, and overall with the time the restart cost.
# Usage: bench/ai-image-jobs.sh [N, default 1000]
# Environment: EXTRA_ORGS (4), STUB_DELAY_MS (500), KILL_AT (0.5; 0 = no kill), SUBMITTERS (8 parallel curl),
#   HEARTBEAT (db-scheduler's heartbeat, 5s) and MISSED_HEARTBEATS (4): a killed node's jobs are revived after about
#   their product (the app's defaults, 5m x 6, would make the jobs it was running wait 30 min), APP_ARGS (more
#   arguments for the app, e.g. --db-scheduler.threads=16), REBUILD=0 to reuse target/*.jar, BENCH_PORT (18086),
#   BENCH_DB_PORT (18087), STUB_PORT (18988). Needs psql (postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 1; }

N=${1:-1000}
EXTRA_ORGS=${EXTRA_ORGS:-4}
DELAY=${STUB_DELAY_MS:-500}
KILL_AT=${KILL_AT:-0.5}
SUBMITTERS=${SUBMITTERS:-8}
PORT=${BENCH_PORT:-18086}
DB_PORT=${BENCH_DB_PORT:-18087}
STUB_PORT=${STUB_PORT:-18988}
OUT=bench/results
DATA=$(mktemp -d /tmp/modo-bench-jobs-XXXXXX)
mkdir -p "$OUT"
[ "${REBUILD:-1}" = 0 ] && [ -f target/modo-verse-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -B -DskipTests package >&2

! curl -fs "http://127.0.0.1:$STUB_PORT/stats" >/dev/null 2>&1 || { echo "port $STUB_PORT is taken (STUB_PORT)" >&2; exit 1; }
java bench/AiStub.java "$STUB_PORT" 0 "$DELAY" > "$OUT/ai-jobs-stub.log" 2>&1 &
STUB=$!
APP=
start_app() {
  # shellcheck disable=SC2086 # APP_ARGS are words on purpose
  MODO_DATA_DIR="$DATA" PORT="$PORT" MODO_DB_EMBEDDED_PORT="$DB_PORT" MODO_AI_OPENAI_API_KEY=sk-bench-jobs \
    MODO_AI_OPENAI_BASE_URL="http://127.0.0.1:$STUB_PORT/v1" MODO_AI_GENERATIONS_PER_USER_LIMIT=100000000 \
    java ${JAVA_OPTS:-} -jar target/modo-verse-0.1.0-SNAPSHOT.jar --db-scheduler.heartbeat-interval="${HEARTBEAT:-5s}" \
    --db-scheduler.missed-heartbeats-limit="${MISSED_HEARTBEATS:-4}" ${APP_ARGS:-} >> "$OUT/ai-jobs-app.log" 2>&1 &
  APP=$!
}
stop() {
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true; fi
  kill "$STUB" 2>/dev/null; wait "$STUB" 2>/dev/null || true
  # A killed app leaves its PostgreSQL running until the next start stops it; stop it here too.
  pg_ctl -D "$DATA/postgres" stop -m fast >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap stop EXIT
: > "$OUT/ai-jobs-app.log"
start_app
BASE="http://127.0.0.1:$PORT"
ready() { until curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.2; done; }
ready
until curl -fs "http://127.0.0.1:$STUB_PORT/stats" >/dev/null 2>&1; do sleep 0.2; done
sql() { PGPASSWORD=$(cat "$DATA/postgres-password") psql -qAt -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" -U postgres -d modo -c "$1"; }
now() { date +%s.%N; }

login() {
  curl -fs "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"Demo-Creator-Verse-2026\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
RAKA=$(login raka@kancil.demo)
DEWI=$(login dewi@layar.demo)
ADMIN=$(login admin@modo.demo)
first_org() { curl -fs -H "Authorization: Bearer $1" "$BASE/api/v1/organizations" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4; }
: > "$DATA/orgs"   # org id, token of an owner
echo "$(first_org "$RAKA") $RAKA" >> "$DATA/orgs"
echo "$(first_org "$DEWI") $DEWI" >> "$DATA/orgs"
for i in $(seq 1 "$EXTRA_ORGS"); do
  org=$(curl -fs -H "Authorization: Bearer $RAKA" -H 'Content-Type: application/json' "$BASE/api/v1/organizations" \
    -d "{\"name\":\"Bench Studio $i\"}" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  echo "$org $RAKA" >> "$DATA/orgs"
done
curl -fs "$BASE/api/v1/plans" > "$DATA/plans.json"
BOUND_SLOTS=0
PLANS=""
while read -r org token; do
  # A new organization gets its Free subscription just after it commits.
  for _ in $(seq 1 50); do
    plan=$(curl -fs -H "Authorization: Bearer $token" "$BASE/api/v1/organizations/$org/subscription" 2>/dev/null \
      | sed -n 's/.*"plan":"\([^"]*\)".*/\1/p') && [ -n "$plan" ] && break
    sleep 0.2
  done
  slots=$(python3 -c "import json; print(next(p['ai_concurrency'] for p in json.load(open('$DATA/plans.json')) if p['key'] == '$plan'))")
  BOUND_SLOTS=$((BOUND_SLOTS + slots))
  PLANS="$PLANS $plan($slots)"
  curl -fs -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -H "Idempotency-Key: jobs-$org" \
    "$BASE/api/v1/admin/organizations/$org/credits/adjustments" -d "{\"amount\":$((N * 12 + 1000)),\"bucket\":\"bonus\",\"reason\":\"AI jobs benchmark\"}"
done < "$DATA/orgs"
PRICE=$(sql "select credits from ai_generation_prices where generation_type = 'character_image'")
echo "organizations (plan(ai_concurrency)):$PLANS; bound $BOUND_SLOTS slots x 60 s / ${DELAY} ms = $((BOUND_SLOTS * 60000 / DELAY)) images/min"

# The submissions, SUBMITTERS at a time, round-robin over the organizations; each answers 202 with the generation.
# A submission the app could not take because it was down is sent again, as a client would; one cut off after the app
# took it may so be taken twice, which the check below counts (the API has no idempotency key for generations).
submit() {
  local code
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
      "$BASE/api/v1/organizations/$2/ai/generations" \
      -d "{\"type\":\"character_image\",\"input\":{\"name\":\"Kancil $1\",\"description\":\"a clever mouse-deer, bench image $1\"}}") || true
    [ "$code" != 000 ] && break
    echo "resent $1" >&2
    sleep 0.5
  done
  echo "$code"
}
export -f submit; export BASE
mapfile -t ORGS < "$DATA/orgs"
for i in $(seq 0 $((N - 1))); do echo "$i ${ORGS[$((i % ${#ORGS[@]}))]}"; done > "$DATA/calls"
T0=$(now)
xargs -P "$SUBMITTERS" -n 3 bash -c 'submit "$@"' _ < "$DATA/calls" > "$DATA/submitted" 2> "$DATA/resent" &
SUBMITTING=$!

count() { sql "select count(*) from ai_generations where status = '$1'"; }
KILLED_AT=""; READY_AGAIN=""
if [ "$KILL_AT" != 0 ]; then
  KILL_COUNT=$(python3 -c "print(int($N * $KILL_AT))")
  until [ "$(count completed)" -ge "$KILL_COUNT" ]; do sleep 0.2; done
  RUNNING=$(count running)
  kill -9 "$APP"; KILLED_AT=$(now); wait "$APP" 2>/dev/null || true
  echo "killed (kill -9) at $(count completed) completed, $RUNNING running; restarting on the same data directory"
  start_app
  ready; READY_AGAIN=$(now)
fi
wait "$SUBMITTING" || true
SUBMITTED=$(grep -c '^202$' "$DATA/submitted" || true)
until [ "$(sql "select count(*) from ai_generations where status in ('pending', 'running')")" = 0 ] \
  && [ "$(sql "select count(*) from ai_generations")" -ge "$SUBMITTED" ]; do sleep 0.5; done
TEND=$(now)

echo "submitted $N, accepted $SUBMITTED ($(grep -vc '^202$' "$DATA/submitted" || true) refused, $(grep -c resent "$DATA/resent" || true) sent again while the app was down); statuses:" \
  "$(sql "select string_agg(status || ' ' || n, ', ') from (select status, count(*) n from ai_generations group by 1 order by 1) s")"
STATS=$(curl -fs "http://127.0.0.1:$STUB_PORT/stats")
curl -fs "http://127.0.0.1:$STUB_PORT/stats/repeats" > "$OUT/ai-jobs-repeats.json"
sql "select 'submissions taken twice: ' || count(*) from (select input ->> 'description' from ai_generations group by 1 having count(*) > 1) d"
sql "select 'provider attempts per generation (the fallback chain): ' || string_agg(a || ' x ' || n, ', ') from (
       select u.request_metadata ->> 'attempts' a, count(*) n from ai_usage_logs u
         join ai_generations g on u.request_metadata ->> 'generation_id' = g.id::text group by 1 order by 1) x"
COMPLETED=$(count completed)
sql "select 'usage rows per generation: ' || coalesce(string_agg(n || ' row(s) x ' || c, ', '), 'none') from (
       select n, count(*) c from (select g.id, count(u.id) n from ai_generations g
         left join ai_usage_logs u on u.request_metadata ->> 'generation_id' = g.id::text group by g.id) x group by n order by n) y"
sql "select 'images kept: ' || count(*) || ' ai assets, ' || count(*) filter (where g.id is null) || ' of them belong to no generation; '
       || (select count(*) from ai_generations where status = 'completed' and result_asset_id is null) || ' completed without one'
     from assets a left join ai_generations g on g.result_asset_id = a.id where a.category = 'ai'"
sql "select 'jobs: ' || count(*) || ', run more than once (taken over after the kill): ' || count(*) filter (where attempts > 1)
       || ', states ' || string_agg(distinct state, '/') from jobs where kind = 'ai-generation'"
echo "stub: $STATS (completed $COMPLETED; stub requests - distinct requests = generations asked for again)"
sql "select 'credits: charged ' || coalesce(sum(credits_charged), 0) || ' = completed x $PRICE is ' || (count(*) filter (where status = 'completed') * $PRICE)
       || '; usage log ' || (select coalesce(sum(credits_used), 0) from ai_usage_logs)
       || '; ledger ' || (select coalesce(-sum(amount), 0) from credit_transactions where reference_type = 'ai_generation')
       || '; holds left ' || (select coalesce(sum(held_balance), 0) from credit_balances)
       || ' (' || (select count(*) from credit_reservations where status = 'held') || ' held reservations, '
       || (select count(*) from credit_reservations where status = 'expired') || ' expired)' from ai_generations"
# Where a slot's time goes (jobs run once): from the slot taken to the job's run starting (waiting for one of
# db-scheduler's threads), and the run itself (the stub's delay, the upload, the settlement).
sql "with t as (select extract(epoch from j.started_at - g.started_at) * 1000 w, extract(epoch from g.finished_at - j.started_at) * 1000 r
       from ai_generations g join jobs j on j.id = g.job_id where g.status = 'completed' and j.attempts = 1)
     select 'per image (jobs run once), p50 / p90 / max ms: slot taken to run started '
       || round(percentile_cont(0.5) within group (order by w)) || ' / ' || round(percentile_cont(0.9) within group (order by w)) || ' / ' || round(max(w))
       || '; the run (stub, upload, settlement) '
       || round(percentile_cont(0.5) within group (order by r)) || ' / ' || round(percentile_cont(0.9) within group (order by r)) || ' / ' || round(max(r))
     from t"
# The image requests the stub served more than once: whether the second came while the first was still being answered
# (two runs at once) or after it, and on which side of the kill.
python3 - "$OUT/ai-jobs-repeats.json" "${KILLED_AT:-0}" <<'PY'
import json, sys
repeats = json.load(open(sys.argv[1])); killed = float(sys.argv[2]) * 1000
overlapping = across = 0
for r in repeats:
    times = sorted(tuple(int(x) for x in t.split('-')) for t in r['times'].split())
    overlapping += any(b[0] < a[1] for a, b in zip(times, times[1:]))
    across += bool(killed) and times[0][0] < killed < times[-1][0]
print(f"stub: {len(repeats)} image requests came more than once; {overlapping} of them while an earlier one was still being answered,"
      f" {across} on both sides of the kill (details in bench/results/ai-jobs-repeats.json)")
PY
LAST_SUBMITTED=$(sql "select extract(epoch from max(created_at)) from ai_generations")
# The phases: from the first submission to the last completion, and the gap the kill left.
python3 - "$T0" "$LAST_SUBMITTED" "${KILLED_AT:-0}" "${READY_AGAIN:-0}" "$COMPLETED" "$BOUND_SLOTS" "$DELAY" \
  "$(sql "select string_agg(extract(epoch from finished_at)::text, ' ' order by finished_at) from ai_generations where status = 'completed'")" <<'PY'
import sys
t0, submitted, killed, ready = (float(x) for x in sys.argv[1:5])
completed, slots, delay = int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
done = [float(x) for x in sys.argv[8].split()]
bound = slots * 60000 / delay
def rate(n, seconds): return n * 60 / seconds if seconds > 0 else float('nan')
total = done[-1] - t0
print(f"bound {bound:.0f}/min ({slots} slots x 60 s / {delay} ms)")
queued = [t for t in done if t > submitted]
print(f"submissions: all taken in {submitted - t0:.1f} s ({rate(len(done), submitted - t0):.0f}/min)")
if len(queued) > 1:
    span = queued[-1] - submitted
    print(f"once all were submitted (every organization with work waiting{', after the restart' if killed and submitted > killed else ''}): "
          f"{len(queued)} in {span:.1f} s = {rate(len(queued), span):.0f}/min = {rate(len(queued), span) / bound:.2f} x bound")
print(f"overall: {completed} completed in {total:.1f} s = {rate(completed, total):.0f}/min = {rate(completed, total) / bound:.2f} x bound (goal >= 0.9)")
if killed:
    before = [t for t in done if t <= killed]
    after = [t for t in done if t > killed]
    lost = after[0] - killed if after else float('nan')
    print(f"before the kill: {len(before)} in {killed - t0:.1f} s = {rate(len(before), killed - t0):.0f}/min = "
          f"{rate(len(before), killed - t0) / bound:.2f} x bound")
    print(f"the restart: ready again {ready - killed:.1f} s after the kill, first completion after it {lost:.1f} s after the kill")
    if len(after) > 1:
        span = after[-1] - after[0]
        print(f"after the restart: {len(after)} in {span:.1f} s = {rate(len(after), span):.0f}/min = {rate(len(after), span) / bound:.2f} x bound")
    print(f"overall without the restart's gap: {rate(completed, total - lost) / bound:.2f} x bound")
PY
uptime
