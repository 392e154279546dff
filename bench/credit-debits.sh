#!/usr/bin/env bash
# Credit ledger figures: debits/s and reserve + commit pairs/s at 16 callers on one organization, debits/s
# over 100, the ratios to pgbench running the debit's conditional UPDATE on the same (embedded) database, and
# the monthly reset over 100,000 organizations. Needs pgbench (Debian: apt-get install postgresql-client).
# HOPS=1 first measures what a round trip under the row lock costs (bench/HopBench.java).
# Usage: bench/credit-debits.sh [seconds per run, default 15] [organizations to reset, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install postgresql-client" >&2; exit 1; }
[ "${REBUILD:-1}" = 0 ] || ./mvnw -q -B -o -DskipTests compile >&2
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime >&2
# Compiled, not run as a single source file: the source launcher's class loader breaks Spring Data's proxies.
CP="target/classes:$(cat target/bench-classpath.txt)"
javac -q -d target/bench-classes -cp "$CP" bench/CreditBench.java bench/HopBench.java 2>/dev/null || javac -d target/bench-classes -cp "$CP" bench/CreditBench.java bench/HopBench.java
java -cp "target/bench-classes:$CP" CreditBench "${1:-15}" "${2:-100000}"
