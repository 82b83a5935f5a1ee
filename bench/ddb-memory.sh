#!/usr/bin/env bash
# Does the embedded DynamoDB hold ITEMS items of about 1 KB within a 300 MB heap? Loads them through the
# SDK and prints the heap they take after a full GC.
#   bench/ddb-memory.sh [ITEMS=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="target/classes:$(cat target/bench.classpath)"
java -Xmx300m -cp "$CP" bench/DdbMemory.java "${1:-100000}"
