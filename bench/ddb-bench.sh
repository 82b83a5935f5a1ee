#!/usr/bin/env bash
# The DynamoDB emulator through the AWS SDK over HTTP: PutItem, GetItem, Query and TransactWriteItems
# at 1 and 8 client threads, against a do-nothing server measured in the same run (the ceiling), rounds
# alternating; compared with the issue's DynamoDB Local figures. Starts the emulator in the benchmark's
# JVM unless an endpoint is given.
#   bench/ddb-bench.sh [ENDPOINT=embedded] [OPS=3000] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="target/classes:$(cat target/bench.classpath)"
java -cp "$CP" bench/DdbBench.java "${1:-embedded}" "${2:-3000}" "${3:-3}"
