#!/usr/bin/env bash
# The usage dashboard's benchmark (org.meterguard.server.bench.DashboardBenchmark, in the server's test tree because
# it drives the server's own portal code in its Spring context). Prints a table; see docs/benchmarks.md.
#   meterguard-server/dashboard-benchmark.sh [--clients 50] [--requests 40] [--resolutions DAY,MONTH] [--days 1] [--rate R]
#       [--writes NONE,NEW_DAY,COLD]  (which of the daily and monthly views' three ways are measured after the warm-up)
# BENCH_JAVA_OPTS adds JVM options, e.g. BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/dash.jfr
# Builds through the reactor (nothing is installed into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile dependency:build-classpath -pl meterguard-server -am \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd meterguard-server
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
# Sibling modules from this checkout, not from ~/.m2.
for m in ../meterguard-*/target/classes; do CP="$m:$CP"; done
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$CP" org.meterguard.server.bench.DashboardBenchmark "$@"
