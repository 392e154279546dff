#!/usr/bin/env bash
# Builds a JDK AOT cache (JEP 483/514, JDK 25+) for a packaged app (the platform, or bench/minimal-app, which reads
# MODO_DATA_DIR and PORT too): extracts the jar, runs it once
# up to the end of the context refresh as a training run, and writes DIR/modo.aot.
# Usage: bench/aot-cache.sh [JAR] [DIR]   then: java -XX:AOTCache=DIR/modo.aot -jar DIR/<jar name>
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-$(ls target/modo-verse-*.jar | grep -v original | head -n1)}
DIR=${2:-target/aot}
rm -rf "$DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
TRAIN_DATA=$(mktemp -d /tmp/modo-aot-train-XXXXXX)
# A throw-away data directory: the training run starts the embedded PostgreSQL and migrates it.
MODO_DATA_DIR="$TRAIN_DATA" PORT=0 java -XX:AOTCacheOutput="$DIR/modo.aot" -Dspring.context.exit=onRefresh \
  -jar "$DIR/$(basename "$JAR")" > "$DIR/training.log" 2>&1
# The training run ends the JVM right after the refresh, before the app can stop its PostgreSQL.
if [ -f "$TRAIN_DATA/postgres/postmaster.pid" ]; then kill "$(head -n1 "$TRAIN_DATA/postgres/postmaster.pid")" || true; fi
sleep 1
rm -rf "$TRAIN_DATA"
echo "AOT cache: $DIR/modo.aot ($(du -h "$DIR/modo.aot" | cut -f1))"
