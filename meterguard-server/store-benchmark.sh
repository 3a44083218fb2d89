#!/usr/bin/env bash
# The meter data store's benchmark (org.meterguard.server.bench.StoreBenchmark, in the server's test tree because
# it drives the server's own store code in its Spring context). Prints a table; see docs/benchmarks.md.
#   meterguard-server/store-benchmark.sh --meters 1000000 [--baseline-meters 20000] [--year-meters 100]
#       [--billing-meters 50000] [--threads 2] [--phases fleet,resend,baseline,sizes,year,billing,greenbutton]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests install -pl meterguard-server -am
./mvnw -q test-compile -pl meterguard-server
./mvnw -q -pl meterguard-server dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd meterguard-server
exec java -Xmx6g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    org.meterguard.server.bench.StoreBenchmark "$@"
