#!/usr/bin/env bash
# The saga's DynamoDB transactions (create, reserve, capture, confirm, each with its outbox event) straight
# through the SDK on the embedded DynamoDB, with the application's routes off so that nothing else competes
# for the machine: what the emulator itself sustains, single-threaded and at CONCURRENCY.
#   bench/saga-tx-bench.sh [ORDERS=600] [CONCURRENCY=16] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
# With its routes off the application reports DOWN; the inventory API answering is ready enough.
READY_PATH=/api/inventory/SKU-1 source bench/start-app.sh --camel.main.auto-startup=false --app.payment.latency=0s
java -cp "$CP" bench/SagaBench.java "$BASE_URL" "http://127.0.0.1:$DDB_PORT" "${1:-600}" "${2:-16}" "${3:-3}" direct-only
