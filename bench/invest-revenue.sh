#!/usr/bin/env bash
# Invest figures: investments per second into one hot tier against pgbench's conditional UPDATE on one row (same run),
# and a revenue pool distributed over 100,000 investments against a plain INSERT … SELECT of the same rows
# (bench/InvestBench.java). Needs pgbench (Debian: apt-get install postgresql-client).
# Usage: bench/invest-revenue.sh [seconds per run, default 15] [investments, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install postgresql-client" >&2; exit 1; }
[ "${REBUILD:-1}" = 0 ] || ./mvnw -q -B -o -DskipTests compile >&2
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime >&2
CP="target/classes:$(cat target/bench-classpath.txt)"
javac -d target/bench-classes -cp "$CP" bench/CreditBench.java bench/HopBench.java bench/InvestBench.java
java -cp "target/bench-classes:$CP" InvestBench "${1:-15}" "${2:-100000}"
