# Sourced by the bench scripts: builds the application, sets CP, and starts it on its embedded
# emulators on ports of its own (HTTP_PORT, DDB_PORT; SQS and SNS on the next two), stopped on exit.
# Arguments: extra application options.
HTTP_PORT=${HTTP_PORT:-18080}
DDB_PORT=${DDB_PORT:-18000}
SQS_PORT=$((DDB_PORT + 1))
SNS_PORT=$((DDB_PORT + 2))
BASE_URL="http://127.0.0.1:$HTTP_PORT"

mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="target/classes:$(cat target/bench.classpath)"
java -cp "$CP" routes.Application --server.port=$HTTP_PORT --app.local.dynamodb-port=$DDB_PORT \
  --app.local.sqs-port=$SQS_PORT --app.local.sns-port=$SNS_PORT \
  --camel.cluster.file.root="$(mktemp -d)" --logging.level.routes=WARN "$@" > target/bench-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
# READY_PATH: what answers 200 once the application can serve the benchmark (health, unless routes are off).
READY_URL="$BASE_URL${READY_PATH:-/actuator/health}"
for _ in $(seq 1 90); do curl -sf "$READY_URL" >/dev/null && break; sleep 1; done
curl -sf "$READY_URL" >/dev/null || { echo "the application did not become ready ($READY_URL): see target/bench-app.log"; exit 1; }
