#!/usr/bin/env bash
# Wall time of the README's test command from a clean build (dependencies already downloaded).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
mkdir -p bench/results
./mvnw -q -B clean >/dev/null
start=$(date +%s)
./mvnw -B verify > bench/results/test-suite.log 2>&1
end=$(date +%s)
grep -E 'Tests run: [0-9]+, Failures' bench/results/test-suite.log | tail -n1
echo "./mvnw verify: $((end - start)) s wall"
