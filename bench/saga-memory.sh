#!/usr/bin/env bash
# Does the saga service's memory grow with finished sagas? Runs the emulators in a JVM of their own
# and the application against them (endpoint mode), places ORDERS orders at CONCURRENCY (the README's
# payment mix), waits until every saga is over, and prints the application's live heap after a full
# GC before and after, per saga. Camel 4.17's InMemorySagaService kept about 4 KB per finished saga.
#   bench/saga-memory.sh [ORDERS=4000] [CONCURRENCY=16]
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${1:-4000}
CONCURRENCY=${2:-16}
HTTP=18580; DDB=18581; SQS=18582; SNS=18583
BASE="http://127.0.0.1:$HTTP"
mvn -q -B -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="target/classes:$(cat target/bench.classpath)"
java -cp "$CP" routes.local.LocalEmulatorsMain --app.local.dynamodb-port=$DDB --app.local.sqs-port=$SQS \
  --app.local.sns-port=$SNS > target/bench-emulators.log 2>&1 &
emulators=$!
java -Xmx512m -cp "$CP" routes.Application --server.port=$HTTP --app.aws.mode=endpoint \
  --app.aws.endpoints.dynamodb=http://127.0.0.1:$DDB --app.aws.endpoints.sqs=http://127.0.0.1:$SQS \
  --app.aws.endpoints.sns=http://127.0.0.1:$SNS --app.payment.late-answer-delay=5s --app.saga.timeout=4s \
  --camel.cluster.file.root="$(mktemp -d)" --logging.level.routes=WARN > target/bench-app.log 2>&1 &
app=$!
trap 'kill $app $emulators 2>/dev/null; wait $app $emulators 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health/readiness" >/dev/null && break; sleep 1; done
curl -sf -X PUT -H 'Content-Type: application/json' "$BASE/api/inventory/MEM-1" -d "{\"available\":$((ORDERS * 2)),\"price\":1.00}" >/dev/null

live_heap() { # bytes in use after a full GC
  jcmd "$app" GC.run >/dev/null
  jcmd "$app" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K.*/, "", v); print v * 1024; exit}}'
}
sagas_running() {
  curl -sf "$BASE/actuator/metrics/saga.running" | sed -n 's/.*"value":\([0-9.]*\).*/\1/p'
}
place() {
  local tokens=(tok_ok tok_ok tok_ok tok_ok tok_ok tok_ok tok_ok tok_ok tok_ok tok_ok tok_ok tok_ok tok_ok tok_ok
    tok_declined tok_declined tok_declined tok_flaky tok_timeout tok_ok)
  seq 1 "$1" | xargs -P "$CONCURRENCY" -I{} sh -c "curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
    '$BASE/api/orders' -d '{\"customerId\":\"c\",\"paymentToken\":\"'\$(echo ${tokens[*]} | cut -d' ' -f\$(( {} % 20 + 1 )))'\",\"items\":[{\"sku\":\"MEM-1\",\"quantity\":1}]}'"
}
settle() { # until no saga runs (tok_timeout's last sagas end by their timeout)
  for _ in $(seq 1 120); do [ "$(sagas_running)" = "0.0" ] && return; sleep 1; done
}
place 200; settle   # warm-up: classes loaded, pools and caches filled
before=$(live_heap)
start=$(date +%s)
place "$ORDERS"; settle
seconds=$(( $(date +%s) - start ))
after=$(live_heap)
echo "orders: $ORDERS at concurrency $CONCURRENCY in ${seconds}s; sagas running now: $(sagas_running)"
echo "live heap after full GC: before $((before / 1024 / 1024)) MB, after $((after / 1024 / 1024)) MB"
echo "growth per saga: $(( (after - before) / ORDERS )) bytes (Camel 4.17's InMemorySagaService: about 4,100)"
