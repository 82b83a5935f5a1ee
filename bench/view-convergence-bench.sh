#!/usr/bin/env bash
# How long the order view takes to converge after a burst of saga events, with the application's
# own defaults (inbox, deferrals, queue attributes): see bench/ViewConvergenceBench.java.
#   bench/view-convergence-bench.sh [ORDERS=300] [CONCURRENCY=16]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/start-app.sh
java -cp "$CP" bench/ViewConvergenceBench.java "http://127.0.0.1:$DDB_PORT" "http://127.0.0.1:$SQS_PORT" "${1:-300}" "${2:-16}"
