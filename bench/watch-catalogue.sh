#!/usr/bin/env bash
# Watch's catalogue under load beside /actuator/health in the same run (wrk, Debian package), at 16 connections: the
# catalogue home page /watch (session cookie), the catalogue API newest first (GET /api/v1/contents) and search
# twice: "search" asks a list of 12 queries in turn, typos among them (GET /api/v1/contents?q=…), as popular searches
# repeat, which the app answers from the first pages it keeps; "search-new" asks thousands of different two-word queries,
# each once, so every one is ranked afresh. First with SMALL published contents
# (default 10,000), then with LARGE (default 100,000) and HISTORY rows of watch_history (default 10,000,000) over
# USERS users (default 10,000). Then progress reports (POST /api/v1/me/watch-history, 64 connections) against pgbench's
# single-row upsert (64 clients) on the same PostgreSQL. Prints requests/s, p50, p99 and each figure's ratio to health,
# and the plans of the search and home statements at the large size. Everything is seeded with SQL (generate_series)
# through psql on the app's embedded PostgreSQL.
# Usage: bench/watch-catalogue.sh [seconds per run, default 15]
# Environment: SMALL, LARGE (0: the small size only), HISTORY, USERS (above), BENCH_PORT (18103), BENCH_DB_PORT (15503), REBUILD=0 to reuse
# target/*.jar, JAR to run another jar (a copy, so a build beside the run cannot replace it), KEEP=1 to keep the data
# directory, JAVA_OPTS for the app's JVM (a profiler, say).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
for tool in wrk psql pgbench; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install wrk postgresql-client postgresql-contrib" >&2; exit 1; }
done

SECONDS_PER_RUN=${1:-15}
SMALL=${SMALL:-10000}
LARGE=${LARGE:-100000}
HISTORY=${HISTORY:-10000000}
USERS=${USERS:-10000}
PORT=${BENCH_PORT:-18103}
DB_PORT=${BENCH_DB_PORT:-15503}
DATA=$(mktemp -d /tmp/modo-bench-watch-XXXXXX)
OUT=bench/results
JAR=${JAR:-target/modo-verse-0.1.0-SNAPSHOT.jar}
mkdir -p "$OUT"
[ -f "$JAR" ] && [ "${REBUILD:-1}" = 0 ] || ./mvnw -q -B -DskipTests package >&2
# Demo data off: the database holds what this script seeds and nothing else. The match score sweep would otherwise
# start recomputing the seeded viewers in the middle of a measurement.
MODO_DATA_DIR="$DATA" PORT="$PORT" MODO_DB_EMBEDDED_PORT="$DB_PORT" MODO_DEMO_DATA=false \
  java ${JAVA_OPTS:-} -jar "$JAR" --modo.watch.match-sweep-interval=PT24H > "$OUT/watch-app.log" 2>&1 &
APP=$!
cleanup() {
  local status=$?
  kill $APP 2>/dev/null; wait $APP 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$DATA"
  exit $status
}
trap cleanup EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { echo "The app did not start; see $OUT/watch-app.log" >&2; exit 1; }
  sleep 0.5
done

BASE="http://127.0.0.1:$PORT"
sql() { PGPASSWORD=$(cat "$DATA/postgres-password") psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" -U postgres -d modo "$@"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
. bench/lib.sh

curl -fs "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.id","password":"Bench-Mark-Jakarta-2026","name":"Bench Viewer"}' >/dev/null
login() {
  curl -fs "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.id","password":"Bench-Mark-Jakarta-2026"}' | field token
}
TOKEN=$(login)
COOKIE=$(login)
ORG=$(curl -fs "$BASE/api/v1/organizations" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"Studio Bench","slug":"studio-bench"}' | field id)
ME=$(sql -At -c "select id from users where email = 'bench@example.id'")

# contents FROM TO: published titles numbered FROM..TO. Three words of 40 each make a title (64,000 combinations), so a
# two-word query matches about one title in 1,600 and a one-word query one in 40; cast from 400 names; descriptions
# from the same words.
contents() {
  sql <<SQL
insert into contents (organization_id, title, original_title, slug, description, type, genre, sub_genres, rating, release_year,
                      cast_list, languages, status, visibility, published_at, created_at, updated_at)
select '$ORG', initcap(w1) || ' ' || w2 || ' ' || w3, case when i % 7 = 0 then 'The ' || initcap(w3) || ' of ' || initcap(w1) end,
       'bench-' || i,
       'Kisah tentang ' || w3 || ' dan ' || w2 || ' di negeri ' || w1 || ', episode ' || i || '.',
       (array['movie','series','short','documentary'])[1 + i % 4],
       (array['Fable','Drama','Comedy','Adventure','Horror','Documentary','Animation','Romance'])[1 + i % 8],
       jsonb_build_array((array['Family','Folklore','Mystery','Music'])[1 + i % 4]),
       (array['G','PG','PG-13','R'])[1 + i % 4], 1990 + i % 36,
       jsonb_build_array(jsonb_build_object('name', 'Aktor ' || (i % 400), 'role', 'lead'),
                         jsonb_build_object('name', 'Aktris ' || ((i * 7) % 400), 'role', 'support')),
       case when i % 3 = 0 then '["id","en"]'::jsonb else '["id"]'::jsonb end,
       'published', (array['free','subscribers','premium'])[1 + i % 3],
       now() - make_interval(secs => i), now() - make_interval(secs => i), now()
from (select i,
             (array['kancil','buaya','harimau','gajah','monyet','rusa','ular','elang','kura','kerbau','sungai','hutan','gunung',
                    'laut','pulau','desa','kota','pasar','sawah','bintang','bulan','matahari','hujan','angin','api','batu',
                    'emas','perak','mimpi','rahasia','legenda','pusaka','keris','wayang','gamelan','layang','perahu','jembatan',
                    'istana','candi'])[1 + i % 40] as w1,
             (array['cerdik','pemberani','terakhir','hilang','ajaib','tua','muda','merah','putih','hitam','besar','kecil',
                    'pertama','abadi','liar','sakti','malang','gembira','sunyi','jauh','dekat','baru','lama','indah','gelap',
                    'terang','kuat','lemah','cepat','lambat','tinggi','rendah','hijau','biru','kuning','manis','pahit',
                    'dingin','panas','sejati'])[1 + (i / 40) % 40] as w2,
             (array['petualangan','perjalanan','pertarungan','persahabatan','pengkhianatan','kepulangan','pencarian',
                    'penyelamatan','perlombaan','pesta','pelarian','perang','cinta','takdir','warisan','kutukan','janji',
                    'nyanyian','tarian','cerita','teka-teki','harta','mahkota','pedang','topeng','lentera','jejak','bayangan',
                    'suara','cahaya','badai','musim','fajar','senja','malam','pagi','ombak','akar','sayap','mata'])[1 + (i / 1600) % 40] as w3
      from generate_series($1, $2) as i) words;
analyze contents;
SQL
}

# home_rows: what the home shows every viewer besides the newest titles: 8 active categories by genre (each title in
# one), the trending row (100 ranked titles, as the hourly job leaves it) and one featured title for the banner.
home_rows() {
  sql <<SQL
insert into content_categories (name, slug, display_order, is_active)
select g, lower(g), n, true from unnest(array['Fable','Drama','Comedy','Adventure','Horror','Documentary','Animation','Romance'])
  with ordinality as t(g, n)
on conflict (slug) do nothing;
insert into content_category_items (content_id, category_id)
select c.id, k.id from contents c join content_categories k on k.slug = lower(c.genre)
on conflict do nothing;
update contents set trending_rank = null where trending_rank is not null;
update contents c set trending_rank = r.n from (select id, row_number() over (order by id) as n from contents limit 100) r where c.id = r.id;
update contents c set featured = (c.id = x.m) from (select id as m from contents order by id limit 1) x where c.featured or c.id = x.m;
analyze;
SQL
}

began=$(now)
contents 1 "$SMALL"
home_rows
seed_small=$(since "$began")
[ "$(sql -At -c "select count(*) from contents where status = 'published'")" = "$SMALL" ] || { echo "Expected $SMALL contents" >&2; exit 1; }
# The bench user has some history of their own (continue watching on the home page).
sql -c "insert into watch_history (user_id, content_id, progress_seconds, duration_seconds, progress_percent, watched_at)
        select '$ME', id, 600, 3600, 16.67, now() - make_interval(mins => n::int)
        from (select id, row_number() over (order by id) as n from contents limit 30) c"
# Free titles only: the bench user has no plan, and a report on a title their plan does not include is 403.
sql -At -c "select id from contents where visibility = 'free' order by id limit 1000" > "$OUT/watch-ids.txt"
export QUERIES="$OUT/watch-queries.txt" IDS="$OUT/watch-ids.txt" MODE=search

# Queries: two words, one word, a typo, a cast name, a prefix, a word of the description only.
printf '%s\n' 'kancil%20cerdik' 'buaya' 'kancl%20cerdik' 'harimau%20sakti' 'aktor%2042' 'gaja' 'petualangan' 'sungai%20hijau' \
  'elang%20terakhir' 'candi%20merah' 'kisah%20mimpi' 'matahri%20emas' > "$OUT/watch-queries.txt"

# Queries never asked before in the run: every pair of a seeded title's words (first and second, second and third,
# first and third), each as typed, with the second word's first three letters (typing ahead) and with the first word's
# second letter left out (a typo): 6,480 at the small size, 14,400 at the large, in a
# different order for each call.
new_queries() {
  sql -At -c "with pairs as (
    select distinct split_part(title, ' ', 1) as a, split_part(title, ' ', 2) as b from contents where slug like 'bench-%'
    union select distinct split_part(title, ' ', 2), split_part(title, ' ', 3) from contents where slug like 'bench-%'
    union select distinct split_part(title, ' ', 1), split_part(title, ' ', 3) from contents where slug like 'bench-%')
  select q from (select a || '%20' || b as q from pairs
                 union all select a || '%20' || left(b, 3) from pairs
                 union all select overlay(a placing '' from 2 for 1) || '%20' || b from pairs) queries
  order by md5(q || '$RANDOM')" > "$OUT/watch-queries-new.txt"
}

run() {   # run NAME CONNECTIONS URL [wrk options]: prints "NAME rps p50 p99"
  local name=$1 connections=$2 url=$3; shift 3
  local summary
  # wrk's default 2 s timeout counts as a socket error, which a loaded machine reaches at health's p99 already.
  wrk -t2 -c"$connections" -d"${SECONDS_PER_RUN}s" --timeout 10s --latency "$@" "$url" > "$OUT/watch-wrk.txt"
  summary=$(wrk_summary "$OUT/watch-wrk.txt") || exit 1
  echo "$name $summary"
}

measure() {   # measure LABEL: health, home, catalogue and search at 16 connections, warmed first, health measured twice
  local label=$1
  for url in "$BASE/actuator/health" "$BASE/watch" "$BASE/api/v1/contents?limit=20"; do
    wrk -t2 -c16 -d10s -H "Cookie: MODO_SESSION=$COOKIE" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
  done
  MODE=search wrk -t2 -c16 -d10s -s bench/watch-catalogue.lua -H "Authorization: Bearer $TOKEN" "$BASE" >/dev/null
  new_queries
  local new=$OUT/watch-queries-new.txt
  {
    run health 16 "$BASE/actuator/health"
    run home 16 "$BASE/watch" -H "Cookie: MODO_SESSION=$COOKIE"
    run catalogue 16 "$BASE/api/v1/contents?limit=20" -H "Authorization: Bearer $TOKEN"
    run search 16 "$BASE" -s bench/watch-catalogue.lua -H "Authorization: Bearer $TOKEN"
    QUERIES=$new run search-new 16 "$BASE" -s bench/watch-catalogue.lua -H "Authorization: Bearer $TOKEN"
    run health 16 "$BASE/actuator/health"
  } | python3 -c '
import sys
label = sys.argv[1]
rows = [line.split() for line in sys.stdin]
health = [(float(r[1]), float(r[3])) for r in rows if r[0] == "health"]
rps = sum(h[0] for h in health) / len(health)
p99 = sum(h[1] for h in health) / len(health)
print(f"{label}: health (mean of before and after) {rps:8.1f} req/s  p99 {p99:6.2f} ms")
for name, r, p50, q99 in rows:
    if name != "health":
        print(f"{label}: {name:9s} {float(r):8.1f} req/s ({float(r) / rps:4.2f}x health)  p50 {float(p50):6.2f} ms  p99 {float(q99):6.2f} ms ({float(q99) / p99:4.2f}x health)")
' "$1"
}

echo "seeded $SMALL contents in ${seed_small}s"
measure "$SMALL contents" | tee "$OUT/watch-small.txt"

# LARGE=0 stops after the small size (and the progress reports), for a quick look.
if [ "$LARGE" -gt 0 ]; then
began=$(now)
contents $((SMALL + 1)) "$LARGE"
seed_large=$(since "$began")
began=$(now)
sql <<SQL
insert into users (email, name) select 'viewer' || u || '@bench.test', 'Viewer ' || u from generate_series(1, $USERS) as u;
SQL
# HISTORY rows: user u watched content c; one row per (user, content), spread over the last year. Loaded as a bulk load
# is: the secondary indexes dropped and built again afterwards (one sort each instead of 10,000,000 random inserts),
# and the foreign keys' per-row checks off (session_replication_role; the joins only produce ids that exist).
sql <<SQL
set maintenance_work_mem = '512MB';
set session_replication_role = replica;
create temporary table bench_users as select id, row_number() over (order by id) as n from users where email like '%@bench.test';
create temporary table bench_contents as select id, row_number() over (order by id) as n from contents;
create temporary table bench_indexes as
  select i.indexname, i.indexdef from pg_indexes i
  where i.schemaname = 'public' and i.tablename = 'watch_history'
    and not exists (select 1 from pg_constraint k where k.conname = i.indexname);
do \$\$ declare r record; begin
  for r in select indexname from bench_indexes loop execute 'drop index ' || quote_ident(r.indexname); end loop;
end \$\$;
insert into watch_history (user_id, content_id, progress_seconds, duration_seconds, progress_percent, completed, device_type, watched_at)
select u.id, c.id, (h * 37) % 3600, 3600, ((h * 37) % 3600) / 36.0, h % 3 = 0, 'web', now() - make_interval(mins => ((h * 13) % 525600)::int)
from generate_series(0::bigint, $HISTORY - 1) as h
join bench_users u on u.n = 1 + h % $USERS
join bench_contents c on c.n = 1 + (h / $USERS + h * 7919) % $LARGE;
do \$\$ declare r record; begin
  for r in select indexdef from bench_indexes loop execute r.indexdef; end loop;
end \$\$;
vacuum analyze;
-- The load leaves gigabytes of dirty pages; written out now, not by the checkpointer in the middle of the measurement
-- (the first large-size run measured the home, right after seeding, at 0.20-0.24x health, the same jar alone at 0.31x).
checkpoint;
SQL
seed_history=$(since "$began")
home_rows
echo "seeded $((LARGE - SMALL)) more contents in ${seed_large}s, $USERS users and $HISTORY history rows in ${seed_history}s"
echo "history rows: $(sql -At -c 'select count(*) from watch_history')"
measure "$LARGE contents, $HISTORY history rows" | tee "$OUT/watch-large.txt"

echo "plans at $LARGE contents:"
sql -c "explain (analyze, buffers, costs off) select * from (select c.*, round((ts_rank(c.search_vector, words)
  + word_similarity('kancil cerdik', c.search_names)) * 1000000)::bigint as rank from contents c, to_tsquery('simple', 'kancil:* & cerdik:*') words
  where (c.search_vector @@ words or 'kancil cerdik' <% c.search_names) and c.status = 'published') hit order by hit.rank desc, hit.id desc limit 21"
sql -c "explain (analyze, buffers, costs off) select c.* from contents c where c.status = 'published' order by c.published_at desc, c.id desc limit 25"
sql -c "explain (analyze, buffers, costs off) select k.id, c.* from content_categories k cross join lateral (select c.* from contents c
  join content_category_items i on i.content_id = c.id where i.category_id = k.id and c.status = 'published'
  order by c.published_at desc, c.id desc limit 12) c where k.is_active order by k.display_order, k.name, k.id, c.published_at desc, c.id desc"
VIEWER=$(sql -At -c "select id from users where email = 'viewer1@bench.test'")
sql -c "explain (analyze, buffers, costs off) select h.id, c.title, e.episode_number from watch_history h join contents c on c.id = h.content_id
  left join content_episodes e on e.id = h.episode_id where h.user_id = '$VIEWER' and not h.completed and h.progress_seconds > 0
  and c.status = 'published' order by h.watched_at desc, h.id desc limit 13"

fi

# Progress reports against pgbench's single-row upsert, 64 connections each, one after the other.
sql -c "create table bench_upsert (k integer primary key, v integer not null, at timestamptz not null)"
cat > "$OUT/watch-upsert.sql" <<'SQL'
\set k random(1, 1000)
insert into bench_upsert (k, v, at) values (:k, 1, now()) on conflict (k) do update set v = bench_upsert.v + 1, at = now();
SQL
export MODE=progress
wrk -t2 -c64 -d10s -s bench/watch-catalogue.lua -H "Authorization: Bearer $TOKEN" "$BASE" >/dev/null
run progress 64 "$BASE" -s bench/watch-catalogue.lua -H "Authorization: Bearer $TOKEN" \
  | tee "$OUT/watch-progress.txt"
PGPASSWORD=$(cat "$DATA/postgres-password") pgbench -n -c 64 -j 2 -T "$SECONDS_PER_RUN" -f "$OUT/watch-upsert.sql" \
  -h 127.0.0.1 -p "$DB_PORT" -U postgres modo > "$OUT/watch-pgbench.txt" 2>&1
upserts=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/watch-pgbench.txt" | head -1)
reports=$(awk '{print $2}' "$OUT/watch-progress.txt")
echo "progress reports $reports/s against pgbench's upsert $upserts/s: $(awk -v a="$reports" -v b="$upserts" 'BEGIN {printf "%.2f", a / b}')x"
