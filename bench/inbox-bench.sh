#!/usr/bin/env bash
# The order-view consumer with its DynamoDB inbox against the same route without it, and the latency
# the inbox adds per message. The application provides the emulators; the benchmark's own routes
# run in the benchmark's JVM on queues of their own.
#   bench/inbox-bench.sh [EVENTS=500] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/start-app.sh
java -cp "$CP" bench/InboxBench.java "http://127.0.0.1:$DDB_PORT" "http://127.0.0.1:$SQS_PORT" "${1:-500}" "${2:-3}"
