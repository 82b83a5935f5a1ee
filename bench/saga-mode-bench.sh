#!/usr/bin/env bash
# Sagas per second and POST → final p50/p99 in LRA mode against in-memory mode (issue 11): the packaged
# application twice, each on its own embedded emulators, one with app.saga.mode=in-memory and one with
# app.saga.mode=lra and an LRA coordinator (lra-coordinator.jar), the same tok_ok load on each, rounds
# alternating; prints per mode the medians over the rounds and the ratios lra / in-memory.
#   bench/saga-mode-bench.sh [ORDERS=200] [CONCURRENCY=8] [ROUNDS=3]
# Ports from BENCH_PORT_BASE (19250): in-memory instance +0..+3, lra instance +10..+13, coordinator +20.
# Logs: target/bench-mode-*.log. BENCH_MVN_OPTS=-o builds offline.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${BENCH_PORT_BASE:-19250}
mvn -q -B ${BENCH_MVN_OPTS:-} -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="target/classes:$(cat target/bench.classpath)"
JAR=$(ls target/*.jar | grep -v -- '-plain.jar' | head -1)
COORDINATOR_PORT=$((BASE + 20))
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null || true' EXIT

java -Dlra.coordinator.port=$COORDINATOR_PORT -Dlra.coordinator.object-store-dir="$(mktemp -d)" \
  -jar lra-coordinator/target/lra-coordinator.jar > target/bench-mode-coordinator.log 2>&1 &
pids+=($!)

start_app() { # HTTP_PORT MODE_ARGUMENTS...: the packaged application on its own embedded emulators
  local port=$1; shift
  java -jar "$JAR" --server.port=$port --app.local.dynamodb-port=$((port + 1)) --app.local.sqs-port=$((port + 2)) \
    --app.local.sns-port=$((port + 3)) --camel.cluster.file.root="$(mktemp -d)" --logging.level.routes=WARN \
    --app.payment.latency=0s "$@" > "target/bench-mode-$port.log" 2>&1 &
  pids+=($!)
}
start_app $BASE --app.saga.mode=in-memory
# The callback secret from the environment, as in production; generated for this run.
SAGA_CALLBACK_SECRET=$(head -c 32 /dev/urandom | base64) start_app $((BASE + 10)) --app.saga.mode=lra \
  --app.saga.lra.coordinator-url=http://127.0.0.1:$COORDINATOR_PORT/lra-coordinator

for url in "http://127.0.0.1:$COORDINATOR_PORT/lra-coordinator" "http://127.0.0.1:$BASE/actuator/health" \
    "http://127.0.0.1:$((BASE + 10))/actuator/health"; do
  for _ in $(seq 1 120); do curl -sf "$url" >/dev/null && break; sleep 1; done
  curl -sf "$url" >/dev/null || { echo "$url did not answer: see target/bench-mode-*.log"; exit 1; }
done
# SagaModeBench uses SagaBench's timed run and statistics: compiled together.
rm -rf target/bench-classes
javac -d target/bench-classes -cp "$CP" bench/SagaBench.java bench/SagaModeBench.java
java -cp "target/bench-classes:$CP" SagaModeBench "http://127.0.0.1:$BASE" "http://127.0.0.1:$((BASE + 10))" \
  "${1:-200}" "${2:-8}" "${3:-3}"
