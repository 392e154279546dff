#!/usr/bin/env bash
# The Studio workspace at 16 connections (wrk, Debian package): GET /api/v1/projects/{id} with a bearer token, the
# workspace page /projects/{id} and its story tab /projects/{id}/story (the page that reads the current version of each
# story section) with the MODO_SESSION cookie; first with 10,000 projects in the organization, then again after
# 1,000,000 rows of version history (10,091 of them on the project under test), to show that history does not slow
# the current view, and a third time with those versions deleted (to tell the data from the JVM's drift). Seeds
# through psql (Debian: apt-get install postgresql-client) on the embedded PostgreSQL.
# Usage: bench/studio-workspace.sh [seconds per run, default 20]
# Environment: BENCH_PORT (18082), BENCH_DB_PORT (15442), REBUILD=0 to reuse target/*.jar, KEEP=1 to keep the data dir.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 1; }

SECONDS_PER_RUN=${1:-20}
PORT=${BENCH_PORT:-18082}
DB_PORT=${BENCH_DB_PORT:-15442}
DATA=$(mktemp -d /tmp/modo-bench-studio-XXXXXX)
OUT=bench/results
JAR=target/modo-verse-0.1.0-SNAPSHOT.jar
mkdir -p "$OUT"
[ -f "$JAR" ] && [ "${REBUILD:-1}" = 0 ] || ./mvnw -q -B -DskipTests package >&2
# Demo data off: the database holds what this script seeds and nothing else.
MODO_DATA_DIR="$DATA" PORT="$PORT" MODO_DB_EMBEDDED_PORT="$DB_PORT" MODO_DEMO_DATA=false \
  java -jar "$JAR" > "$OUT/studio-app.log" 2>&1 &
APP=$!
cleanup() {
  local status=$?
  kill $APP 2>/dev/null; wait $APP 2>/dev/null || true   # errexit would stop the trap at the 143
  [ "${KEEP:-0}" = 1 ] || rm -rf "$DATA"
  exit $status   # the script's own status, not the killed app's 143
}
trap cleanup EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { echo "The app did not start; see $OUT/studio-app.log" >&2; exit 1; }
  sleep 0.3
done

BASE="http://127.0.0.1:$PORT"
# The embedded PostgreSQL asks for its superuser's password, kept in the data directory.
sql() { PGPASSWORD=$(cat "$DATA/postgres-password") psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" -U postgres -d modo "$@"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
# A failed API call stops the run with its answer, instead of benchmarking an error page.
api() {
  local method=$1 path=$2 body=${3:-}
  local answer status
  answer=$(curl -s -w '\n%{http_code}' -X "$method" "$BASE$path" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' ${body:+-d "$body"})
  status=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  [[ $status == 2?? ]] || { echo "$method $path answered $status: $answer" >&2; exit 1; }
  printf '%s' "$answer"
}

# --- The user, the organization and the project under test, through the API ---
curl -fs "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.id","password":"Bench-Mark-Jakarta-2026","name":"Bench Producer"}' >/dev/null
login() {
  curl -fs "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.id","password":"Bench-Mark-Jakarta-2026"}' | field token
}
TOKEN=$(login)
COOKIE=$(login)   # a second session, carried as the pages' cookie
ORG=$(api POST /api/v1/organizations '{"name":"Studio Kancil","slug":"studio-kancil"}' | field id)
PROJECT=$(api POST "/api/v1/organizations/$ORG/projects" '{"title":"Si Kancil dan Buaya","visibility":"team"}' | field id)
api PATCH "/api/v1/projects/$PROJECT" '{"description":"A mouse-deer outwits the crocodiles of the great river to cross it, and learns what cleverness costs.","genre":"Adventure","sub_genre":"Folklore","format":"series","target_audience":"Children 6-12","target_market":"Indonesia, Malaysia","studio_name":"Studio Kancil","ip_owner":"PT Kancil Kreatif","production_date":"2027-03-01","color_palette":["#2f6b3a","#d9a441","#1d3557"]}' >/dev/null
api PATCH "/api/v1/projects/$PROJECT/story" '{"base_version":0,"premise":"A small clever creature must cross a river ruled by hungry crocodiles.","logline":"Kancil, a mouse-deer, tricks the crocodiles of the river into forming a bridge, then must face the one who was not fooled.","synopsis":"Drought drives Kancil to the far bank of the river, where fruit still grows. The crocodiles wait.","genre":"Adventure","tone":"Playful","intensity":"moderate","theme":"Wit against strength","age_rating":"G","conflict_type":"man_vs_nature","format":"series","episode_count":13,"episode_duration":11}' >/dev/null
CAST=()
for who in 'Kancil|protagonist|trickster' 'Raja Buaya|antagonist|shadow' 'Pak Tani|supporting|mentor'; do
  IFS='|' read -r name role archetype <<<"$who"
  CAST+=("$(api POST "/api/v1/projects/$PROJECT/characters" "{\"name\":\"$name\",\"role\":\"$role\",\"archetype\":\"$archetype\",\"character_arc\":\"$name learns that every trick has a price.\"}" | field id)")
done
api PUT "/api/v1/projects/$PROJECT/story/beats" "{\"base_version\":0,\"structure\":\"cat\",\"beats\":{\"opening_image\":\"The dry forest at dawn; Kancil drinks from a cracked puddle.\",\"catalyst\":\"The last fruit tree on this bank dies.\",\"midpoint\":\"The crocodiles line up across the river to be counted.\",\"finale\":\"Kancil crosses on their backs and laughs, until Raja Buaya surfaces.\"},\"intensities\":{\"opening_image\":1,\"catalyst\":2,\"midpoint\":3,\"finale\":3},\"key_actions\":{\"midpoint\":{\"${CAST[0]}\":\"Counts the crocodiles aloud\"}}}" >/dev/null
api PUT "/api/v1/projects/$PROJECT/story/want-need" '{"base_version":0,"want":{"external":"Reach the fruit on the far bank","known":"Food","specific":"The mango tree","achieved":true},"need":{"internal":"Humility","unknown":"That the weak can be cruel too","universal":"Respect","achieved":false}}' >/dev/null
api PATCH "/api/v1/projects/$PROJECT/universe" '{"name":"Rimba Sungai","description":"A rainforest split by a wide brown river.","environment":{"landscape":"Rainforest and a wide river","climate":"Tropical, in a long drought"},"base_versions":{"details":0,"environment":0}}' >/dev/null
STORY=$(sql -At -c "select id from stories where project_id = '$PROJECT'")

# --- 9,999 more projects of the organization, each with its story and universe ---
began=$(now)
sql <<SQL
insert into projects (organization_id, user_id, title, slug, description, genre, sub_genre, format, target_audience, target_market,
                      studio_name, status, visibility, color_palette, created_at, updated_at)
select '$ORG', (select id from users where email = 'bench@example.id'),
       'Project ' || i || ': ' || (array['Legenda','Petualangan','Misteri','Kisah','Rahasia'])[1 + i % 5] || ' ' ||
         (array['Danau Toba','Malin Kundang','Roro Jonggrang','Timun Mas','Bawang Merah'])[1 + i % 5],
       'project-' || i,
       'Seeded project number ' || i || ' for the workspace benchmark: a story told across ' || (1 + i % 24) || ' episodes.',
       (array['Adventure','Drama','Fantasy','Comedy','Horror','Mystery'])[1 + i % 6],
       (array['Folklore','Coming of age','Heist','Romance'])[1 + i % 4],
       (array['feature','series','short_movie','short_video','animation'])[1 + i % 5],
       'Teens 13-17', 'Southeast Asia', 'Studio Kancil',
       (array['draft','in_progress','completed','published'])[1 + i % 4],
       (array['private','team','public'])[1 + i % 3],
       '["#2f6b3a","#d9a441"]',
       now() - make_interval(mins => i), now() - make_interval(mins => i)
from generate_series(1, 9999) as i;
insert into stories (project_id, premise, logline, structure, created_at, updated_at)
select id, 'The premise of ' || title, 'The logline of ' || title, 'hero', created_at, updated_at
from projects where organization_id = '$ORG' and id <> '$PROJECT';
insert into universes (project_id, name, description)
select id, 'World of ' || title, 'Where ' || title || ' takes place.' from projects where organization_id = '$ORG' and id <> '$PROJECT';
analyze;
SQL
seed_projects=$(since "$began")
[ "$(sql -At -c "select count(*) from projects where organization_id = '$ORG'")" = 10000 ] || { echo "Expected 10,000 projects" >&2; exit 1; }

# CPU time per request of the app and of PostgreSQL (the postmaster and its backends), from /proc: it moves far less
# than latency when other work shares the cores (it does not count the time spent waiting for one).
TICK=$(getconf CLK_TCK)
POSTMASTER=$(head -1 "$DATA/postgres/postmaster.pid")
ticks() {   # ticks <pid>...: user + system clock ticks of the processes
  local total=0 pid stat
  for pid in "$@"; do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    stat=${stat##*) }   # the fields after the command name, which may hold spaces
    read -r -a f <<<"$stat"
    total=$(( total + f[11] + f[12] ))
  done
  echo $total
}
pg_ticks() { ticks "$POSTMASTER" $(ps --ppid "$POSTMASTER" -o pid= 2>/dev/null); }
declare -A RPS P50 P99 APPCPU PGCPU
run() {   # run <phase> <name> <url> <header>
  local phase=$1 name=$2 url=$3 header=$4 file="$OUT/wrk-studio-$1-$2.txt"
  local app0 pg0 requests
  app0=$(ticks $APP); pg0=$(pg_ticks)
  wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency -H "$header" "$url" > "$file"
  if grep -q 'Non-2xx\|Socket errors' "$file"; then
    echo "$name ($phase) had failed requests:" >&2; cat "$file" >&2; exit 1
  fi
  requests=$(awk '/requests in/ {print $1}' "$file")
  APPCPU[$phase.$name]=$(awk -v t=$(( $(ticks $APP) - app0 )) -v n="$requests" -v hz="$TICK" 'BEGIN {printf "%.2f", t * 1000 / hz / n}')
  PGCPU[$phase.$name]=$(awk -v t=$(( $(pg_ticks) - pg0 )) -v n="$requests" -v hz="$TICK" 'BEGIN {printf "%.2f", t * 1000 / hz / n}')
  RPS[$phase.$name]=$(awk '/Requests\/sec/ {print $2}' "$file")
  P50[$phase.$name]=$(awk '$1 == "50%" {print $2}' "$file")
  P99[$phase.$name]=$(awk '$1 == "99%" {print $2}' "$file")
}
check_page() {   # the page renders the project, not a sign-in page or an error
  local path=$1 expect=$2 body
  body=$(curl -fs -b "MODO_SESSION=$COOKIE" "$BASE$path") || { echo "GET $path failed" >&2; exit 1; }
  grep -q "$expect" <<<"$body" || { echo "GET $path does not show '$expect'" >&2; exit 1; }
}
check_page "/projects/$PROJECT" 'Si Kancil dan Buaya'
check_page "/projects/$PROJECT/story" 'tricks the crocodiles'
api GET "/api/v1/projects/$PROJECT" | grep -q '"title":"Si Kancil dan Buaya"'
measure() {
  run "$1" api "$BASE/api/v1/projects/$PROJECT" "Authorization: Bearer $TOKEN"
  run "$1" workspace "$BASE/projects/$PROJECT" "Cookie: MODO_SESSION=$COOKIE"
  run "$1" story "$BASE/projects/$PROJECT/story" "Cookie: MODO_SESSION=$COOKIE"
}
# Warm-up: two full passes at the same load, not counted. With 10 s, then with one pass, the JIT was still compiling
# during the 10k pass, which then cost up to 3 times the CPU per request of the later +1M pass.
measure warmup
measure warmup
measure 10k

# --- 1,000,000 versions: 99 on each of the other 9,999 projects, the rest on the story under test ---
began=$(now)
sql <<SQL
-- Every other project: its story's details (50), beats (30) and want/need (10), its universe's details (9), numbered
-- per section in time order; the last of each section is its current version.
insert into studio_versions (project_id, entity_type, entity_id, section, number, content, source, author_id, created_at, is_current)
select p.id, v.entity_type, v.entity_id, v.section, v.number,
       '{"premise":"Draft ' || v.number || ' of ' || p.title || '","logline":"A ' || p.genre || ' story, revision ' || v.number ||
         '","synopsis":"' || repeat('The hero sets out, is tested and comes home changed. ', 4) || '"}',
       (array['manual','manual','manual','ai'])[1 + v.number % 4], p.user_id,
       p.created_at + make_interval(mins => v.k), v.number = v.last
from projects p
join stories s on s.project_id = p.id
join universes u on u.project_id = p.id
cross join lateral (
  select k,
         case when k <= 90 then 'story' else 'universe' end as entity_type,
         case when k <= 90 then s.id else u.id end as entity_id,
         case when k <= 50 then 'details' when k <= 80 then 'beats' when k <= 90 then 'want_need' else 'details' end as section,
         case when k <= 50 then k when k <= 80 then k - 50 when k <= 90 then k - 80 else k - 90 end as number,
         case when k <= 50 then 50 when k <= 80 then 30 when k <= 90 then 10 else 9 end as last
  from generate_series(1, 99) as k) as v
where p.organization_id = '$ORG' and p.id <> '$PROJECT';
-- The project under test: a deep history of its story's details before the version the API saved, which stays current
-- and becomes the newest number.
update studio_versions set number = number + (1000000 - (select count(*) from studio_versions))
where entity_type = 'story' and entity_id = '$STORY' and section = 'details';
insert into studio_versions (project_id, entity_type, entity_id, section, number, content, source, author_id, created_at, is_current)
select '$PROJECT', 'story', '$STORY', 'details', n,
       '{"premise":"A small clever creature must cross a river, draft ' || n || '","logline":"Kancil tricks the crocodiles, take ' || n || '"}',
       'manual', (select id from users where email = 'bench@example.id'), now() - make_interval(secs => 1000000 - n), false
from generate_series(1, 1000000 - (select count(*) from studio_versions)) as n;
analyze;
SQL
seed_versions=$(since "$began")
versions=$(sql -At -c "select count(*) from studio_versions")
deep=$(sql -At -c "select count(*) from studio_versions where entity_id = '$STORY'")
[ "$versions" -ge 1000000 ] || { echo "Expected 1,000,000 versions, found $versions" >&2; exit 1; }
check_page "/projects/$PROJECT/story" 'tricks the crocodiles'
measure 1m

# The plans of the reads that could walk history: the story's current sections (the story tab), the history page
# filtered to one section, and one character's history through the API's entity_id filter.
CHARACTER=${CAST[0]}
sql > "$OUT/studio-plans.txt" <<SQL
explain (analyze, buffers) select id, number, content from studio_versions
  where entity_type = 'story' and entity_id = '$STORY' and is_current;
explain (analyze, buffers) select id, number from studio_versions
  where project_id = '$PROJECT' and entity_type = 'story' and section = 'beats' order by created_at desc, id desc limit 51;
explain (analyze, buffers) select id, number from studio_versions
  where project_id = '$PROJECT' and entity_id = '$CHARACTER' order by created_at desc, id desc limit 21;
SQL

# --- Back to the 10k state: the seeded versions deleted and vacuumed, the same three requests a third time. The +1M
# pass always ran later than the 10k pass, on a warmer JVM; this pass, later still, tells the data from the drift. ---
began=$(now)
sql <<SQL
delete from studio_versions where project_id <> '$PROJECT' or (entity_id = '$STORY' and section = 'details' and not is_current);
vacuum analyze studio_versions;
SQL
unseed_versions=$(since "$began")
remaining=$(sql -At -c "select count(*) from studio_versions")
check_page "/projects/$PROJECT/story" 'tricks the crocodiles'
measure 10k-again

echo
echo "Studio workspace, 16 connections (wrk -t2 -c16 -d${SECONDS_PER_RUN}s), $(nproc) cores shared by wrk, the app and PostgreSQL"
echo "seeding: 9,999 projects with stories and universes in ${seed_projects} s; $versions versions in ${seed_versions} s ($deep on the story under test)"
echo "deleting the seeded versions and vacuum: ${unseed_versions} s, $remaining versions left"
echo
printf '| %-34s | %-15s | %9s | %8s | %8s | %12s | %11s |\n' "Request" "Data" "req/s" "p50" "p99" "app CPU/req" "PG CPU/req"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..36})" "$(printf -- '-%.0s' {1..17})" "-----------" "----------" "----------" \
  "--------------" "-------------"
for phase in 10k 1m 10k-again; do
  case $phase in 10k) label="10k projects" ;; 1m) label="+1M versions" ;; *) label="10k, again" ;; esac
  for name in api workspace story; do
    case $name in
      api) request="GET /api/v1/projects/{id}" ;;
      workspace) request="GET /projects/{id} (workspace)" ;;
      story) request="GET /projects/{id}/story" ;;
    esac
    printf '| %-34s | %-15s | %9s | %8s | %8s | %9s ms | %8s ms |\n' "$request" "$label" "${RPS[$phase.$name]}" "${P50[$phase.$name]}" \
      "${P99[$phase.$name]}" "${APPCPU[$phase.$name]}" "${PGCPU[$phase.$name]}"
  done
done
echo
echo "plans of the version reads: $OUT/studio-plans.txt"
grep -E 'Index Scan|Index Only Scan|Seq Scan|Execution Time' "$OUT/studio-plans.txt" | sed -E 's/^ *(->)? */  /; s/ \(cost=[^)]*\)//'
