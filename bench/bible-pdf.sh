#!/usr/bin/env bash
# IP bible PDF against the screenplay PDF, side by side in one JVM: a bible of 12 beats, 20 characters and 24 pictures
# (every section) and a screenplay of about as many pages, alternating runs after a warm-up; median time and pages per
# second of each, and their ratio. Writes target/bench-bible.pdf.
# Usage: bench/bible-pdf.sh [runs, default 10] [warm-up runs, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
[ "${REBUILD:-1}" = 0 ] || ./mvnw -q -B -o -DskipTests compile >&2
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime >&2
CP="target/classes:$(cat target/bench-classpath.txt)"
javac -d target/bench-classes -cp "$CP" bench/BiblePdfBench.java
java -Djava.awt.headless=true -cp "target/bench-classes:$CP" id.modo.verse.studio.bible.BiblePdfBench "${1:-10}" "${2:-5}"
