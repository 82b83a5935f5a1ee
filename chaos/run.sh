#!/usr/bin/env bash
# The chaos run of issue 9: builds the packaged application, then drives it through kills, an outage and
# injected messages, and prints each invariant with PASS/FAIL and the figures (routes.chaos.ChaosRun).
# Usage: chaos/run.sh [ORDERS] [CONCURRENCY] [KILLS] [--max-crash-cancellations=N] [--seed=N] [--port-base=P] ...
# Defaults 2000 16 5. Logs of each application start: target/chaos/run-N.log. Exit status 0 only when it passes.
set -euo pipefail
cd "$(dirname "$0")/.."
# CHAOS_MVN_OPTS=-o builds offline.
mvn -B -q ${CHAOS_MVN_OPTS:-} -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/chaos.classpath
exec java -cp "target/test-classes:target/classes:$(cat target/chaos.classpath)" routes.chaos.ChaosRun "$@"
