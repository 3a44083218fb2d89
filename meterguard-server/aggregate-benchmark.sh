#!/usr/bin/env bash
# The aggregate release benchmark (org.meterguard.server.bench.AggregateBenchmark, in the server's test tree because
# it drives the server's own release code in its Spring context). See docs/benchmarks.md.
#   meterguard-server/aggregate-benchmark.sh --meters 1000000 [--streams 2] [--runs 3] [--data-dir DIR]
# Builds through the reactor (-am) so it runs against this checkout's modules, installing nothing into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile dependency:build-classpath -pl meterguard-server -am \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd meterguard-server
exec java -Xmx6g ${AGGREGATE_BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    org.meterguard.server.bench.AggregateBenchmark "$@"
