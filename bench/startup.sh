#!/usr/bin/env bash
# The platform's start against bench/minimal-app (the same Spring Boot with the same starters: web, security, JPA
# with one entity, Flyway, actuator, on the same embedded PostgreSQL started by the app), both built here and started
# one after the other in alternating order, so the host's drift hits both: time from `java -jar` to a ready
# /actuator/health/readiness with a new and with an existing data directory, the same with a JDK AOT cache, the JVM's
# resident memory once idle, and the ratios the budget in bench/README.md is set in. Then where the platform's start
# goes: JVM, SpringApplication.run and the ready listeners, and Spring's ApplicationStartup steps per kind and per
# module (bench/StartupSteps.java).
# Usage: bench/startup.sh [runs, default 5]
#   AOT=0   skip the runs with the AOT cache      STEPS=0   skip the breakdown      REBUILD=0   keep the built jars
#   JAVA_OPTS  options for the platform only      IDLE_SECONDS  wait before reading the idle RSS (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2

RUNS=${1:-5}
PORT=${BENCH_PORT:-18080}
IDLE=${IDLE_SECONDS:-30}
OUT=bench/results
WORK=$(mktemp -d /tmp/modo-bench-XXXXXX)
mkdir -p "$OUT" "$WORK/modo" "$WORK/minimal"
trap 'rm -rf "$WORK"' EXIT

if [ "${REBUILD:-1}" = 1 ] || ! ls target/modo-verse-*.jar >/dev/null 2>&1; then
  ./mvnw -q -B -DskipTests package >&2
fi
if [ "${REBUILD:-1}" = 1 ] || ! ls bench/minimal-app/target/minimal-app-*.jar >/dev/null 2>&1; then
  ./mvnw -q -B -o -f bench/minimal-app/pom.xml -DskipTests package >&2
fi
declare -A JAR=([modo]=$(ls target/modo-verse-*.jar | grep -v original | head -n1)
                [minimal]=$(ls bench/minimal-app/target/minimal-app-*.jar | grep -v original | head -n1))
declare -A RUN_JAR=([modo]=${JAR[modo]} [minimal]=${JAR[minimal]})
declare -A OPTS=([modo]=${JAVA_OPTS:-} [minimal]="")

now_ms() { date +%s%3N; }

# Starts one app on its own data directory, waits for readiness, prints "<ms-to-ready> <pid>".
start_app() {
  local app=$1 t0 t1
  t0=$(now_ms)
  MODO_DATA_DIR="$WORK/$app" PORT="$PORT" java ${OPTS[$app]} -jar "${RUN_JAR[$app]}" > "$OUT/$app.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 6000); do
    if curl -fs -m 5 "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      t1=$(now_ms); echo "$((t1 - t0)) $pid"; return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "$app exited; see $OUT/$app.log" >&2; return 1; fi
    sleep 0.05
  done
  echo "$app not ready after 5 min" >&2; kill "$pid"; return 1
}

stop_app() {
  kill "$1"; wait "$1" 2>/dev/null || true
}

rss_mb() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# RUNS alternating starts on the existing data directories (odd rounds the platform first, even rounds the minimal
# app first); the last start of each idles IDLE seconds before its RSS is read. Sets TIMES_<app> and RSS_<app>.
measure() {
  local label=$1 i app order t pid
  declare -gA TIMES=([modo]="" [minimal]="") RSS=()
  for i in $(seq 1 "$RUNS"); do
    order="modo minimal"; [ $((i % 2)) = 0 ] && order="minimal modo"
    for app in $order; do
      read -r t pid < <(start_app "$app")
      TIMES[$app]+="$t "
      if [ "$i" = "$RUNS" ]; then sleep "$IDLE"; RSS[$app]=$(rss_mb "$pid"); fi
      stop_app "$pid"
    done
  done
  for app in modo minimal; do
    # shellcheck disable=SC2086
    MEDIAN[$label-$app]=$(median ${TIMES[$app]})
    echo "$label, $app: ready in ${TIMES[$app]}ms (median ${MEDIAN[$label-$app]} ms over $RUNS runs); idle JVM RSS after $IDLE s ${RSS[$app]} MB"
  done
  MEDIAN[$label-rss-modo]=${RSS[modo]}; MEDIAN[$label-rss-minimal]=${RSS[minimal]}
}
declare -A MEDIAN=()

for app in modo minimal; do
  read -r t pid < <(start_app "$app")
  stop_app "$pid"
  echo "new data directory, $app: ready in $t ms (initdb, migrations$([ "$app" = modo ] && echo ', demo seeding'))"
done

measure plain
grep -m1 -o 'Started ModoApplication in [0-9.]* seconds (process running for [0-9.]*)' "$OUT/modo.log" || true

if [ "${AOT:-1}" = 1 ]; then
  for app in modo minimal; do
    bench/aot-cache.sh "${JAR[$app]}" "$OUT/aot-$app" >&2
    RUN_JAR[$app]="$OUT/aot-$app/$(basename "${JAR[$app]}")"
    OPTS[$app]="${OPTS[$app]} -XX:AOTCache=$OUT/aot-$app/modo.aot"
  done
  measure aot
fi

echo
echo "Budget (bench/README.md), platform / minimal app:"
echo "  ready, plain java -jar:              $(ratio "${MEDIAN[plain-modo]}" "${MEDIAN[plain-minimal]}")  (budget <= 2)"
if [ "${AOT:-1}" = 1 ]; then
  echo "  ready with AOT cache / minimal plain: $(ratio "${MEDIAN[aot-modo]}" "${MEDIAN[plain-minimal]}")  (budget <= 1)"
  echo "  (ready with AOT cache, both:         $(ratio "${MEDIAN[aot-modo]}" "${MEDIAN[aot-minimal]}"))"
fi
echo "  idle JVM RSS, plain java -jar:        $(ratio "${MEDIAN[plain-rss-modo]}" "${MEDIAN[plain-rss-minimal]}")  (budget <= 1.5)"

if [ "${STEPS:-1}" = 1 ]; then
  # Spring's steps, recorded by a launcher on the extracted jar's classpath (plain, no AOT cache), on the platform's
  # existing data directory.
  java -Djarmode=tools -jar "${JAR[modo]}" extract --destination "$WORK/extracted" >/dev/null
  MODO_DATA_DIR="$WORK/modo" PORT="$PORT" java ${JAVA_OPTS:-} \
    -cp "$WORK/extracted/$(basename "${JAR[modo]}")" bench/StartupSteps.java id.modo.verse.ModoApplication \
    > "$OUT/steps.log" 2>&1 || { echo "breakdown failed; see $OUT/steps.log" >&2; exit 1; }
  sed -n '/^SpringApplication.run until ready/,$p' "$OUT/steps.log"
fi
