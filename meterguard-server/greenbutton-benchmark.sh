#!/usr/bin/env bash
# Green Button Download My Data for one meter-year of 15-minute data (org.meterguard.server.bench.GreenButtonBenchmark,
# in the server's test tree because it drives the server's own download service in its Spring context): the writers
# alone and from the store, XML and CSV. Builds through the reactor (-am), so it runs this checkout's modules and
# installs nothing. See docs/benchmarks.md.
#   meterguard-server/greenbutton-benchmark.sh [--runs 50] [--solar]
# BENCH_JAVA_OPTS adds JVM options, e.g. BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/gb.jfr
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile dependency:build-classpath -pl meterguard-server -am \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd meterguard-server
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    org.meterguard.server.bench.GreenButtonBenchmark "$@"
