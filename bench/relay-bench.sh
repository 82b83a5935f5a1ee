#!/usr/bin/env bash
# Outbox relay throughput against direct SNS publishing (the ceiling), and relay lag at a steady
# load. Starts the application on its embedded emulators on ports of its own.
#   bench/relay-bench.sh [EVENTS=500] [ROUNDS=3] [RATE=50] [SECONDS=20]
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-500}
ROUNDS=${2:-3}
RATE=${3:-50}
SECONDS_AT_RATE=${4:-20}
HTTP_PORT=${HTTP_PORT:-18080}
DDB_PORT=${DDB_PORT:-18000}

mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="target/classes:$(cat target/bench.classpath)"
BASE_URL="http://127.0.0.1:$HTTP_PORT"
java -cp "$CP" routes.Application --server.port=$HTTP_PORT --app.local.dynamodb-port=$DDB_PORT \
  --app.local.sqs-port=$((DDB_PORT + 1)) --app.local.sns-port=$((DDB_PORT + 2)) \
  --camel.cluster.file.root="$(mktemp -d)" --logging.level.routes=WARN > target/bench-relay-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "$BASE_URL/actuator/health" >/dev/null && break; sleep 1; done
java -cp "$CP" bench/RelayBench.java "$BASE_URL" "http://127.0.0.1:$DDB_PORT" "http://127.0.0.1:$((DDB_PORT + 2))" \
  "$EVENTS" "$ROUNDS" "$RATE" "$SECONDS_AT_RATE"
