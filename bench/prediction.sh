#!/usr/bin/env bash
# The audience prediction model's held-out R² and MdAPE against the budget-only baseline (docs/prediction.md).
# Usage: bench/prediction.sh   (from the repository root; needs the JDK of JAVA_HOME, builds nothing else)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/prediction-classpath.txt -Dmdep.includeScope=test
"${JAVA_HOME:-/usr}/bin/java" -cp "target/test-classes:target/classes:$(cat target/prediction-classpath.txt)" \
  id.modo.verse.studio.prediction.PredictionBench
