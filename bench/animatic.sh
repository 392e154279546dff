#!/usr/bin/env bash
# The story animatic of 12 beats with 2 pictures each (3 s a picture, captions burned in: 72 s of 1280x720 video),
# rendered by the app (POST /api/v1/projects/{id}/animatics, a job) against the same ffmpeg commands run by hand on
# the same pictures with the same ffmpeg, in alternating rounds, so the machine's drift hits both sides.
# The by-hand commands mirror AnimaticRenderer (clipArguments, storyArguments, poster, duration): change both together.
# Needs psql (Debian: apt-get install postgresql-client) to write the moodboard rows into the embedded PostgreSQL.
# Usage: bench/animatic.sh [rounds]   (REBUILD=0 uses the jar as built; KEEP=1 keeps the data and work directories)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 1; }

ROUNDS=${1:-2}
PORT=${BENCH_PORT:-18086}
DB_PORT=${BENCH_DB_PORT:-15446}
DATA=$(mktemp -d /tmp/modo-bench-animatic-XXXXXX)
WORK=$(mktemp -d /tmp/modo-bench-animatic-work-XXXXXX)
OUT=bench/results
JAR=target/modo-verse-0.1.0-SNAPSHOT.jar
mkdir -p "$OUT"
[ -f "$JAR" ] && [ "${REBUILD:-1}" = 0 ] || ./mvnw -q -B -DskipTests package >&2
MODO_DATA_DIR="$DATA" PORT="$PORT" MODO_DB_EMBEDDED_PORT="$DB_PORT" MODO_DEMO_DATA=false \
  java --enable-native-access=ALL-UNNAMED -jar "$JAR" > "$OUT/animatic-app.log" 2>&1 &
APP=$!
cleanup() {
  local status=$?
  kill $APP 2>/dev/null; wait $APP 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$DATA" "$WORK"
  exit $status
}
trap cleanup EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { echo "The app did not start; see $OUT/animatic-app.log" >&2; exit 1; }
  sleep 0.3
done
BASE="http://127.0.0.1:$PORT"
sql() { PGPASSWORD=$(cat "$DATA/postgres-password") psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" -U postgres -d modo "$@"; }
now() { date +%s.%N; }
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
api() {
  local method=$1 path=$2 body=${3:-} answer status
  answer=$(curl -s -w '\n%{http_code}' -X "$method" "$BASE$path" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' ${body:+-d "$body"})
  status=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  [[ $status == 2?? ]] || { echo "$method $path answered $status: $answer" >&2; exit 1; }
  printf '%s' "$answer"
}

# --- The ffmpeg the app found (its log names it), for the by-hand side ---
until grep -q "ffmpeg .* at /" "$OUT/animatic-app.log"; do sleep 0.5; done
FFMPEG=$(grep -o "ffmpeg [^ ]* ([a-z_]*) at /[^;]*" "$OUT/animatic-app.log" | head -1 | sed 's/.* at //')
export LD_LIBRARY_PATH="$(dirname "$FFMPEG")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
FFPROBE="$(dirname "$FFMPEG")/ffprobe"
if "$FFMPEG" -hide_banner -encoders 2>/dev/null | grep -q ' libx264 '; then
  VIDEO=(-c:v libx264 -preset veryfast -crf 21)
else
  VIDEO=(-c:v libopenh264 -b:v 3000k)
fi
echo "ffmpeg: $FFMPEG (${VIDEO[1]})"

# --- A project whose 12 beats (the Hero's Journey) have 2 pictures each ---
curl -fs "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.id","password":"Bench-Mark-Jakarta-2026","name":"Bench Producer"}' >/dev/null
TOKEN=$(curl -fs "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.id","password":"Bench-Mark-Jakarta-2026"}' | field token)
ORG=$(api POST /api/v1/organizations '{"name":"Studio Bench"}' | field id)
PROJECT=$(api POST "/api/v1/organizations/$ORG/projects" '{"title":"Si Kancil Animatic","visibility":"team"}' | field id)
SOURCES=(testsrc2 mandelbrot smptehdbars rgbtestsrc cellauto=rule=110 life=mold=10:ratio=0.5)
mkdir -p "$WORK/pictures"
for beat in $(seq 0 11); do
  for n in 0 1; do
    i=$((beat * 2 + n))
    src=${SOURCES[$((i % 6))]}
    [[ $src == *=* ]] && src="$src:size=1600x1200" || src="$src=size=1600x1200"
    "$FFMPEG" -hide_banner -v error -y -f lavfi -i "$src" -frames:v 1 "$WORK/source-$i.png"
    asset=$(curl -fs "$BASE/api/v1/projects/$PROJECT/assets" -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/source-$i.png" | field id)
    # the by-hand side reads the picture the app stored (re-encoded without metadata), not the upload
    url=$(api GET "/api/v1/assets/$asset" | field url)
    curl -fs -o "$WORK/pictures/picture-$i.png" "$BASE/${url#http*://*/}"
    sql -c "insert into moodboards (project_id, beat_name, beat_index, position, image_url, status)
            values ('$PROJECT', 'beat_$beat', $beat, $n, '/media/$asset', 'completed')"
  done
done

# --- By hand: what the job runs, one ffmpeg after the other ---
zoom() { # the Ken Burns move of AnimaticRenderer.kenBurns for picture $1 of 75 frames
  local x='(iw-iw/zoom)/2' z
  case $(($1 % 4)) in
    0) z='1+0.150*on/74' ;;
    1) z='1+0.150-0.150*on/74' ;;
    2) z='1+0.150'; x='(iw-iw/zoom)*on/74' ;;
    3) z='1+0.150'; x='(iw-iw/zoom)*(1-on/74)' ;;
  esac
  printf "[%d:v]scale=3840:2160:force_original_aspect_ratio=increase:flags=bicubic,crop=3840:2160,setsar=1,format=yuv420p,zoompan=z='%s':x='%s':y='(ih-ih/zoom)/2':d=75:s=1280x720:fps=25[s%d]" "$1" "$z" "$x" "$1"
}
by_hand() {
  local dir=$WORK/hand began beat list
  rm -rf "$dir"; mkdir -p "$dir"
  began=$(now)
  list="$dir/clips.txt"
  echo "ffconcat version 1.0" > "$list"
  for beat in $(seq 0 11); do
    # the caption card: a transparent frame with a dark band, as big as the app's (the text does not change ffmpeg's work)
    "$FFMPEG" -hide_banner -nostdin -v error -y -f lavfi -i "color=c=black@0.0:s=1280x720,format=rgba,drawbox=y=540:h=180:w=1280:color=black@0.6:t=fill" \
      -frames:v 1 "$dir/caption-$beat.png"
    "$FFMPEG" -hide_banner -nostdin -nostats -v error -progress pipe:1 -y \
      -i "$WORK/pictures/picture-$((beat * 2)).png" -i "$WORK/pictures/picture-$((beat * 2 + 1)).png" -i "$dir/caption-$beat.png" \
      -f lavfi -t 6.000 -i anullsrc=r=48000:cl=stereo \
      -filter_complex "$(zoom 0);$(zoom 1);[s0][s1]concat=n=2:v=1:a=0[pictures];[pictures][2:v]overlay=0:0:format=auto,format=yuv420p[video];[3:a]aresample=48000,apad[sound]" \
      -map '[video]' -map '[sound]' -t 6.000 "${VIDEO[@]}" -g 50 -pix_fmt yuv420p -r 25 -c:a aac -b:a 128k -ac 2 -ar 48000 \
      -movflags +faststart "$dir/clip-$beat.mp4" > /dev/null
    echo "file '$dir/clip-$beat.mp4'" >> "$list"
  done
  "$FFMPEG" -hide_banner -nostdin -nostats -v error -progress pipe:1 -y -f concat -safe 0 -i "$list" -map 0:v -map 0:a -c copy \
    -movflags +faststart "$dir/animatic.mp4" > /dev/null
  "$FFPROBE" -v error -show_entries format=duration -of default=nw=1:nk=1 "$dir/animatic.mp4" > "$dir/duration"
  "$FFMPEG" -hide_banner -nostdin -v error -y -ss 1.500 -i "$dir/animatic.mp4" -frames:v 1 -q:v 3 "$dir/poster.jpg"
  awk -v a="$began" -v b="$(now)" 'BEGIN {printf "%.2f", b - a}'
}
by_app() {
  local began job state answer
  began=$(now)
  job=$(api POST "/api/v1/projects/$PROJECT/animatics" '{"scope":"story","seconds_per_image":3,"captions":"burned"}' | field job_id)
  while :; do
    answer=$(api GET "/api/v1/jobs/$job")
    state=$(printf '%s' "$answer" | field state)
    [ "$state" = completed ] && break
    [ "$state" = failed ] || [ "$state" = cancelled ] && { echo "the render $state: $answer" >&2; exit 1; }
    sleep 0.2
  done
  local wall
  wall=$(awk -v a="$began" -v b="$(now)" 'BEGIN {printf "%.2f", b - a}')
  # the job's own run, from db-scheduler's pick-up to its end, as the jobs table has it
  local run
  run=$(sql -At -c "select round(extract(epoch from finished_at - started_at)::numeric, 2) from jobs where id = '$job'")
  echo "$wall $run"
}

# one untimed render each way first: the JIT, the page cache and ffmpeg's libraries
by_hand > /dev/null
by_app > /dev/null
HAND=(); APPW=(); APPR=()
for round in $(seq 1 "$ROUNDS"); do
  h=$(by_hand); read -r w r <<<"$(by_app)"
  HAND+=("$h"); APPW+=("$w"); APPR+=("$r")
  echo "round $round: by hand ${h} s, app ${w} s (POST to completed; the job's run ${r} s)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mh=$(median "${HAND[@]}"); mw=$(median "${APPW[@]}"); mr=$(median "${APPR[@]}")
duration=$(api GET "/api/v1/projects/$PROJECT/animatics" | grep -o '"story":{[^}]*' | sed -n 's/.*"duration_seconds":\([0-9.]*\).*/\1/p')
echo "video: ${duration} s (by hand: $(cat "$WORK/hand/duration") s)"
echo "medians over $ROUNDS rounds: by hand ${mh} s, app ${mw} s POST to completed, job run ${mr} s"
awk -v h="$mh" -v w="$mw" -v r="$mr" 'BEGIN {printf "overhead: %.2fx (POST to completed), %.2fx (the job'"'"'s run); goal <= 1.10x\n", w / h, r / h}'
