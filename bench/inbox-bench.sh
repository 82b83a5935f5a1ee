#!/usr/bin/env bash
# The order-view consumer with its DynamoDB inbox against the same route without it, and the
# latency the inbox adds per message. Starts the application (for its embedded emulators) on
# ports of its own; the benchmark's routes run in the benchmark's JVM on queues of their own.
#   bench/inbox-bench.sh [EVENTS=500] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-500}
ROUNDS=${2:-3}
HTTP_PORT=${HTTP_PORT:-18080}
DDB_PORT=${DDB_PORT:-18000}

mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="target/classes:$(cat target/bench.classpath)"
java -cp "$CP" routes.Application --server.port=$HTTP_PORT --app.local.dynamodb-port=$DDB_PORT \
  --app.local.sqs-port=$((DDB_PORT + 1)) --app.local.sns-port=$((DDB_PORT + 2)) \
  --camel.cluster.file.root="$(mktemp -d)" --logging.level.routes=WARN > target/bench-inbox-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null && break; sleep 1; done
java -cp "$CP" bench/InboxBench.java "http://127.0.0.1:$DDB_PORT" "http://127.0.0.1:$((DDB_PORT + 1))" "$EVENTS" "$ROUNDS"
