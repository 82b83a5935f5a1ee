#!/usr/bin/env bash
# Outbox relay throughput against direct SNS publishing (the ceiling), and relay lag at a steady load.
#   bench/relay-bench.sh [EVENTS=500] [ROUNDS=3] [RATE=50] [SECONDS=20]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/start-app.sh
java -cp "$CP" bench/RelayBench.java "$BASE_URL" "http://127.0.0.1:$DDB_PORT" "http://127.0.0.1:$SNS_PORT" \
  "${1:-500}" "${2:-3}" "${3:-50}" "${4:-20}"
