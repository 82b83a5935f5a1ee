#!/usr/bin/env bash
# Saga throughput and latency through the application, against the same DynamoDB transactions
# issued directly through the SDK (the ceiling). Starts the application on its embedded emulators
# unless BASE_URL points at one already running.
#   bench/saga-bench.sh [ORDERS=300] [CONCURRENCY=16] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${1:-300}
CONCURRENCY=${2:-16}
ROUNDS=${3:-3}
HTTP_PORT=${HTTP_PORT:-18080}
DDB_PORT=${DDB_PORT:-18000}

mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="target/classes:$(cat target/bench.classpath)"

started=""
if [ -z "${BASE_URL:-}" ]; then
  BASE_URL="http://127.0.0.1:$HTTP_PORT"
  DYNAMODB_URL="http://127.0.0.1:$DDB_PORT"
  java -cp "$CP" routes.Application --server.port=$HTTP_PORT --app.local.dynamodb-port=$DDB_PORT \
    --app.local.sqs-port=$((DDB_PORT + 1)) --app.local.sns-port=$((DDB_PORT + 2)) \
    --app.payment.latency=0s --camel.cluster.file.root="$(mktemp -d)" --logging.level.routes=WARN > target/bench-app.log 2>&1 &
  started=$!
  trap 'kill $started 2>/dev/null; wait $started 2>/dev/null || true' EXIT
  for _ in $(seq 1 90); do curl -sf "$BASE_URL/actuator/health" >/dev/null && break; sleep 1; done
fi
java -cp "$CP" bench/SagaBench.java "$BASE_URL" "${DYNAMODB_URL:-http://127.0.0.1:8000}" "$ORDERS" "$CONCURRENCY" "$ROUNDS"
