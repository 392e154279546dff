#!/usr/bin/env bash
# Upload throughput of one large file through POST /api/v1/organizations/{id}/assets (multipart, curl)
# against `cp` of the same file on the same disk, and the app's heap while it runs (jstat, every
# 250 ms). The app runs with a small heap (BENCH_XMX, default 256m) to show the file never sits in
# memory. Usage: bench/media-upload.sh [size in MB, default 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2

SIZE_MB=${1:-1000}
PORT=${BENCH_PORT:-18083}
DB_PORT=${BENCH_DB_PORT:-18084}
XMX=${BENCH_XMX:-256m}
DATA=$(mktemp -d /tmp/modo-bench-media-XXXXXX)
OUT=bench/results
mkdir -p "$OUT"
[ -f target/modo-verse-0.1.0-SNAPSHOT.jar ] && [ "${REBUILD:-1}" = 0 ] || ./mvnw -q -B -DskipTests package >&2
MODO_DATA_DIR="$DATA" PORT="$PORT" MODO_DB_EMBEDDED_PORT="$DB_PORT" MODO_DEMO_DATA=false java "-Xmx$XMX" -jar target/modo-verse-0.1.0-SNAPSHOT.jar > "$OUT/media-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"; true' EXIT

# The file: an MP4 "ftyp" box (what Tika recognises as video/mp4) and random bytes, SIZE_MB million bytes in all.
FILE="$DATA/bench.mp4"
printf '\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom' > "$FILE"
head -c $((SIZE_MB * 1000000 - 24)) /dev/urandom >> "$FILE"
BYTES=$(stat -c %s "$FILE")

until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.2; done
BASE="http://127.0.0.1:$PORT"
curl -fs "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.id","password":"Bench-Mark-Jakarta-2026","name":"Bench"}' >/dev/null
TOKEN=$(curl -fs "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.id","password":"Bench-Mark-Jakarta-2026"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
ORG=$(curl -fs "$BASE/api/v1/organizations" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"Bench Media"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
# Room for the file whatever the plan gives (psql, Debian package postgresql-client, on the embedded database,
# with its superuser's password from the data directory).
PGPASSWORD=$(cat "$DATA/postgres-password") psql -q -h 127.0.0.1 -p "$DB_PORT" -U postgres -d modo \
  -c "update organizations set storage_limit_bytes = $((BYTES * 10)) where id = '$ORG'" >/dev/null

drop() { sync; }   # page cache left warm for both: the file was just written, both read it from memory

drop
start=$(date +%s.%N); cp "$FILE" "$DATA/copy.bin"; sync; end=$(date +%s.%N)
cp_s=$(echo "$end - $start" | bc -l)
rm -f "$DATA/copy.bin"; drop

jstat -gc "$APP" 250 > "$OUT/media-jstat.txt" &
JSTAT=$!
start=$(date +%s.%N)
status=$(curl -s -o "$OUT/media-upload.json" -w '%{http_code}' "$BASE/api/v1/organizations/$ORG/assets" \
  -H "Authorization: Bearer $TOKEN" -F "file=@$FILE;type=application/octet-stream")
sync; end=$(date +%s.%N)
kill $JSTAT 2>/dev/null || true
up_s=$(echo "$end - $start" | bc -l)
[ "$status" = 201 ] || { echo "upload answered $status: $(cat "$OUT/media-upload.json")" >&2; exit 1; }

# Used heap = survivor + eden + old (KB), the highest sample while the upload ran.
heap_max_mb=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {used = $3 + $4 + $6 + $8; if (used > m) m = used} END {printf "%.0f", m / 1024}' "$OUT/media-jstat.txt")
heap_samples=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/' "$OUT/media-jstat.txt" | wc -l)
printf 'file: %d bytes\n' "$BYTES"
printf 'cp + sync: %.2f s (%.0f MB/s)\n' "$cp_s" "$(echo "$BYTES / 1000000 / $cp_s" | bc -l)"
printf 'upload + sync: %.2f s (%.0f MB/s), HTTP %s\n' "$up_s" "$(echo "$BYTES / 1000000 / $up_s" | bc -l)" "$status"
printf 'ratio upload / cp: %.2f\n' "$(echo "$up_s / $cp_s" | bc -l)"
printf 'heap: -Xmx%s, highest used during the upload %s MB (%s samples every 250 ms)\n' "$XMX" "$heap_max_mb" "$heap_samples"
