#!/usr/bin/env bash
# The Watch transcoding pipeline on a 60 s 1080p source (testsrc2 and a tone, 25 fps, H.264 + AAC): the app (upload, the
# watch-transcode job: probe, the ladder 1080p/720p/480p/360p as fMP4 HLS, codecs read back, poster, seek-preview sprite,
# stored in the media library) against the same ffmpeg commands run by hand on the same file with the same ffmpeg, in
# alternating rounds, so the machine's drift hits both sides. The by-hand commands mirror Transcoder and HlsLadder
# (probe, encode, codecs, poster, sprite): change both together. Needs psql to read the job's run from the jobs table.
# Usage: bench/watch-transcode.sh [rounds]   (REBUILD=0 uses the jar as built; WARM=0 skips the untimed first pair;
# KEEP=1 keeps the data and work directories)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 1; }

ROUNDS=${1:-2}
SECONDS_LONG=${BENCH_SOURCE_SECONDS:-60}
PORT=${BENCH_PORT:-18102}
DB_PORT=${BENCH_DB_PORT:-15502}
DATA=$(mktemp -d /tmp/modo-bench-transcode-XXXXXX)
WORK=$(mktemp -d /tmp/modo-bench-transcode-work-XXXXXX)
OUT=bench/results
JAR=target/modo-verse-0.1.0-SNAPSHOT.jar
mkdir -p "$OUT"
[ -f "$JAR" ] && [ "${REBUILD:-1}" = 0 ] || ./mvnw -q -B -DskipTests package >&2
MODO_DATA_DIR="$DATA" PORT="$PORT" MODO_DB_EMBEDDED_PORT="$DB_PORT" MODO_DEMO_DATA=false \
  java --enable-native-access=ALL-UNNAMED -jar "$JAR" > "$OUT/watch-transcode-app.log" 2>&1 &
APP=$!
cleanup() {
  local status=$?
  kill $APP 2>/dev/null; wait $APP 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$DATA" "$WORK"
  exit $status
}
trap cleanup EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { echo "The app did not start; see $OUT/watch-transcode-app.log" >&2; exit 1; }
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
until grep -q "ffmpeg .* at /" "$OUT/watch-transcode-app.log"; do sleep 0.5; done
FFMPEG=$(grep -o "ffmpeg [^ ]* ([a-z_]*) at /[^;]*" "$OUT/watch-transcode-app.log" | head -1 | sed 's/.* at //')
export LD_LIBRARY_PATH="$(dirname "$FFMPEG")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
FFPROBE="$(dirname "$FFMPEG")/ffprobe"
if "$FFMPEG" -hide_banner -encoders 2>/dev/null | grep -q ' libx264 '; then ENCODER=libx264; else ENCODER=libopenh264; fi
echo "ffmpeg: $FFMPEG ($ENCODER)"

SOURCE=$WORK/source.mp4
"$FFMPEG" -hide_banner -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=25:duration=$SECONDS_LONG" \
  -f lavfi -i "sine=frequency=440:duration=$SECONDS_LONG" -c:v "$ENCODER" -b:v 8M -pix_fmt yuv420p -c:a aac -shortest "$SOURCE"
echo "source: $(du -h "$SOURCE" | cut -f1), ${SECONDS_LONG} s of 1920x1080 at 25 fps"

curl -fs "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.id","password":"Bench-Mark-Jakarta-2026","name":"Bench Producer"}' >/dev/null
TOKEN=$(curl -fs "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.id","password":"Bench-Mark-Jakarta-2026"}' | field token)
ORG=$(api POST /api/v1/organizations '{"name":"Studio Bench"}' | field id)
CONTENT=$(api POST "/api/v1/organizations/$ORG/contents" '{"title":"Kancil Bench","type":"movie"}' | field id)

# --- By hand: what the job runs, one ffmpeg after the other (HlsLadder's rungs for 1920x1080 at 25 fps) ---
# height width average-bitrate max-bitrate: PeerTube's rule, height × height·16/9 × fps × bits per pixel
RUNGS=$(awk 'BEGIN { split("1080 720 480 360", h, " "); split("0.10 0.11 0.12 0.15", avg, " "); split("0.17 0.19 0.22 0.26", max, " ");
  for (i = 1; i <= 4; i++) { w = h[i] * 16 / 9; we = int(w + 0.5); we -= we % 2;
    printf "%d %d %d %d\n", h[i], we, int(h[i] * w * 25 * avg[i]), int(h[i] * w * 25 * max[i]) } }')
by_hand() {
  local dir=$WORK/hand began height width average peak extra
  rm -rf "$dir"; mkdir -p "$dir"
  began=$(now)
  "$FFPROBE" -v error -print_format json -show_format -show_streams "$SOURCE" > /dev/null
  while read -r height width average peak; do
    extra=()
    [ "$ENCODER" = libx264 ] && extra=(-preset veryfast -profile:v high -sc_threshold 0 -keyint_min 50)
    "$FFMPEG" -nostdin -y -v error -xerror -i "$SOURCE" -map 0:v:0 -map 0:a:0 -vf "scale=$width:$height,fps=25.000,format=yuv420p" \
      -c:v "$ENCODER" -b:v "$average" -maxrate "$peak" -bufsize $((peak * 2)) -g 50 -force_key_frames 'expr:gte(t,n_forced*2)' "${extra[@]}" \
      -c:a aac -b:a 128000 -ac 2 -ar 48000 -f hls -hls_time 4 -hls_playlist_type vod -hls_segment_type fmp4 -hls_flags single_file \
      -hls_segment_filename "$dir/$height.mp4" "$dir/$height.m3u8"
    "$FFPROBE" -v error -select_streams v:0 -show_entries stream=profile,level -print_format json "$dir/$height.mp4" > /dev/null
  done <<< "$RUNGS"
  "$FFMPEG" -nostdin -y -v error -ss 5.000 -i "$SOURCE" -frames:v 1 -vf scale=-2:720 -q:v 3 "$dir/poster.jpg"
  "$FFMPEG" -nostdin -y -v error -i "$SOURCE" -an -vf "fps=1/2,scale=160:90,tile=10x$(( (SECONDS_LONG / 2 + 9) / 10 ))" \
    -frames:v 1 -q:v 4 "$dir/sprite.jpg"
  awk -v a="$began" -v b="$(now)" 'BEGIN {printf "%.2f", b - a}'
}
by_app() {
  local began answer state job wall run
  began=$(now)
  answer=$(curl -fs "$BASE/api/v1/organizations/$ORG/contents/$CONTENT/video" -H "Authorization: Bearer $TOKEN" -F "file=@$SOURCE")
  job=$(printf '%s' "$answer" | field job_id)
  while :; do
    answer=$(api GET "/api/v1/organizations/$ORG/contents/$CONTENT/video")
    state=$(printf '%s' "$answer" | field state)
    [ "$state" = ready ] && break
    [ "$state" = failed ] && { echo "the transcode failed: $answer" >&2; exit 1; }
    # Once a second: each poll is a curl, a request and a query, which on 2 cores ffmpeg keeps busy took CPU from the
    # job itself (at 5 polls a second the app's threads used about 1 s of CPU more per 30 s of video). The job's run
    # comes from the jobs table, so this only rounds the upload-to-ready figure up by under a second.
    sleep 1
  done
  wall=$(awk -v a="$began" -v b="$(now)" 'BEGIN {printf "%.2f", b - a}')
  # the job's own run, from db-scheduler's pick-up to its end, as the jobs table has it
  run=$(sql -At -c "select round(extract(epoch from finished_at - started_at)::numeric, 2) from jobs where id = '$job'")
  echo "$wall $run"
}

if [ "${WARM:-1}" = 1 ]; then
  by_hand > /dev/null
  by_app > /dev/null
fi
HAND=(); APPW=(); APPR=()
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then h=$(by_hand); read -r w r <<<"$(by_app)"; else read -r w r <<<"$(by_app)"; h=$(by_hand); fi
  HAND+=("$h"); APPW+=("$w"); APPR+=("$r")
  echo "round $round: by hand ${h} s, app ${w} s (upload to ready; the job's run ${r} s)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mh=$(median "${HAND[@]}"); mw=$(median "${APPW[@]}"); mr=$(median "${APPR[@]}")
echo "renditions: $(api GET "/api/v1/organizations/$ORG/contents/$CONTENT/video" | grep -o '"renditions":\[[^]]*\]')"
echo "medians over $ROUNDS rounds: by hand ${mh} s, app ${mw} s upload to ready, job run ${mr} s"
awk -v h="$mh" -v w="$mw" -v r="$mr" 'BEGIN {printf "overhead: %.2fx (upload to ready), %.2fx (the job'"'"'s run); goal <= 1.05x\n", w / h, r / h}'
