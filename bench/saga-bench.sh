#!/usr/bin/env bash
# Saga throughput and latency through the application, against the same DynamoDB transactions
# issued directly through the SDK (the ceiling), rounds alternating.
#   bench/saga-bench.sh [ORDERS=300] [CONCURRENCY=16] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/start-app.sh --app.payment.latency=0s
java -cp "$CP" bench/SagaBench.java "$BASE_URL" "http://127.0.0.1:$DDB_PORT" "${1:-300}" "${2:-16}" "${3:-3}"
