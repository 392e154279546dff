#!/usr/bin/env bash
# Screenplay PDF time: a generated ~120-page Fountain script parsed, laid out and written as PDF
# (Letter and A4), median of the runs after a warm-up, in one JVM. Writes target/bench-script.pdf.
# Usage: bench/script-pdf.sh [pages, default 120] [runs, default 30] [warm-up runs, default 30]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
[ "${REBUILD:-1}" = 0 ] || ./mvnw -q -B -o -DskipTests compile >&2
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime >&2
CP="target/classes:$(cat target/bench-classpath.txt)"
javac -d target/bench-classes -cp "$CP" bench/ScriptPdfBench.java
java -cp "target/bench-classes:$CP" ScriptPdfBench "${1:-120}" "${2:-30}" "${3:-30}"
