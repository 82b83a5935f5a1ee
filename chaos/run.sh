#!/usr/bin/env bash
# The chaos run of issue 9: builds the packaged application, then drives it through kills, an outage and
# injected messages, and prints each invariant with PASS/FAIL and the figures (routes.chaos.ChaosRun).
# Usage: chaos/run.sh [ORDERS] [CONCURRENCY] [KILLS] [--max-crash-cancellations=N] [--seed=N] [--port-base=P] ...
# Defaults 2000 16 5. Logs of each application start: target/chaos/run-N.log. Exit status 0 only when it passes.
# LRA mode (issue 11): --saga-mode=lra also starts the LRA coordinator (lra-coordinator/target/lra-coordinator.jar,
# built by the same mvn package) on port-base + 10 with its object store and logs in target/chaos/coordinator/, and
# runs the application with app.saga.mode=lra and a callback secret generated for the run; --coordinator-kills=N
# SIGKILLs and restarts the coordinator N times. There an order in flight at a kill may end CANCELLED (the
# coordinator cancels its saga at its timeout); any other crash cancellation counts against --max-crash-cancellations.
#   e.g. chaos/run.sh 1000 16 3 --saga-mode=lra --coordinator-kills=1
set -euo pipefail
cd "$(dirname "$0")/.."
# CHAOS_MVN_OPTS=-o builds offline.
mvn -B -q ${CHAOS_MVN_OPTS:-} -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/chaos.classpath
exec java -cp "target/test-classes:target/classes:$(cat target/chaos.classpath)" routes.chaos.ChaosRun "$@"
