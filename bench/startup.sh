#!/usr/bin/env bash
# Measures the packaged app: time from `java -jar` to a ready /actuator/health/readiness with a new
# and with an existing data directory, and the resident memory once idle.
# Usage: bench/startup.sh [runs-on-existing-dir, default 5]
#   AOT=1   also measure the app started with a JDK AOT cache (JDK 25+), trained first (bench/aot-cache.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2

RUNS=${1:-5}
PORT=${BENCH_PORT:-18080}
DATA=$(mktemp -d /tmp/modo-bench-XXXXXX)
OUT=bench/results
mkdir -p "$OUT"
trap 'rm -rf "$DATA"' EXIT

if ! ls target/modo-verse-*.jar >/dev/null 2>&1 || [ "${REBUILD:-1}" = 1 ]; then
  ./mvnw -q -B -DskipTests package >&2
fi
JAR=$(ls target/modo-verse-*.jar | grep -v original | head -n1)
RUN_JAR=$JAR

now_ms() { date +%s%3N; }

# Starts the jar, waits for readiness, prints "<ms-to-ready> <pid>".
start_app() {
  local t0 t1
  t0=$(now_ms)
  MODO_DATA_DIR="$DATA" PORT="$PORT" java ${JAVA_OPTS:-} -jar "$RUN_JAR" > "$OUT/app.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      t1=$(now_ms); echo "$((t1 - t0)) $pid"; return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "app exited; see $OUT/app.log" >&2; return 1; fi
    sleep 0.05
  done
  echo "not ready after 60 s" >&2; kill "$pid"; return 1
}

stop_app() {
  kill "$1"; wait "$1" 2>/dev/null || true
}

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

# The embedded PostgreSQL runs as its own processes (postmaster and its workers), found by data directory.
postgres_rss_kb() {
  local total=0 p main
  main=$(pgrep -f -- "-D $DATA/postgres" | head -n1 || true)
  [ -n "$main" ] || { echo 0; return; }
  for p in $main $(pgrep -P "$main" || true); do
    total=$((total + $(rss_kb "$p" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

read -r first pid < <(start_app)
stop_app "$pid"
echo "new data directory: ready in ${first} ms"

times=()
for i in $(seq 1 "$RUNS"); do
  read -r t pid < <(start_app)
  times+=("$t")
  if [ "$i" = "$RUNS" ]; then
    sleep "${IDLE_SECONDS:-30}"
    jvm=$(rss_kb "$pid"); pg=$(postgres_rss_kb)
  fi
  stop_app "$pid"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "existing data directory: ready in ${times[*]} ms (median ${median} ms over ${RUNS} runs)"
echo "idle RSS after ${IDLE_SECONDS:-30} s: JVM $((jvm / 1024)) MB, embedded PostgreSQL $((pg / 1024)) MB (sum of its processes; shared memory counted in each)"
grep -m1 -o 'Started ModoApplication in [0-9.]* seconds (process running for [0-9.]*)' "$OUT/app.log" || true

if [ "${AOT:-0}" = 1 ]; then
  bench/aot-cache.sh "$JAR" "$OUT/aot" >&2
  RUN_JAR="$OUT/aot/$(basename "$JAR")"
  JAVA_OPTS="${JAVA_OPTS:-} -XX:AOTCache=$OUT/aot/modo.aot"
  times=()
  for i in $(seq 1 "$RUNS"); do
    read -r t pid < <(start_app)
    times+=("$t")
    if [ "$i" = "$RUNS" ]; then sleep "${IDLE_SECONDS:-30}"; jvm=$(rss_kb "$pid"); fi
    stop_app "$pid"
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "with AOT cache, existing data directory: ready in ${times[*]} ms (median ${median} ms over ${RUNS} runs); idle JVM RSS $((jvm / 1024)) MB"
fi
