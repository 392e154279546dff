#!/usr/bin/env bash
# Issue 15's exactness figure: GenerationExactnessIntegrationTests (the suite runs it with 300 calls) at CALLS mixed
# generations from 16 threads against WireMock in OpenAI's and Anthropic's wire formats: answered whole, streamed, as
# jobs and as images; failing with a 500 on every route, a refused key (401), a malformed answer; cancelled while
# waiting or while the provider works. The test fails unless, generation by generation, the ledger's debit, the usage
# row's credits and the generation's charge are equal, there is one usage row each, no hold is left, and each
# organization's balance is its grants less the usage log's credits; this prints the sums it checked.
# Usage: bench/ai-exactness.sh [CALLS, default 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
select_jdk >&2
CALLS=${1:-1000}
OUT=bench/results
mkdir -p "$OUT"
./mvnw -B -o verify -Dtest=GenerationExactnessIntegrationTests -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
  -Dmodo.bench.ai-exactness.calls="$CALLS" > "$OUT/ai-exactness.log" 2>&1 || { tail -80 "$OUT/ai-exactness.log" >&2; exit 1; }
grep -h "^ai-exactness:" "$OUT/ai-exactness.log" | tail -1 || true
grep -h "Tests run:.*GenerationExactness" "$OUT/ai-exactness.log" | tail -1 || true
uptime
