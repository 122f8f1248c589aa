#!/usr/bin/env bash
# Builds the benchmarks (outside the default build, -Pbenchmarks) and runs the three of
# issue #6 with short settings, because our machines have 2 shared cores. JSON results go
# to benchmarks/target/results/. Extra arguments go to every JMH run (e.g. -p database=h2).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q package -Pbenchmarks -pl benchmarks -am -DskipTests
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/results
mkdir -p "$out"
java -jar "$jar" PlanningBenchmark -f 1 -wi 2 -i 5 -w 1s -r 1s -prof gc -rf json -rff "$out/planning.json" "$@"
java -jar "$jar" NoOpStartupBenchmark -f 1 -wi 2 -i 5 -w 1s -r 1s -prof gc -rf json -rff "$out/noop-startup.json" "$@"
# Single-shot: every invocation gets fresh tables. Flyway takes up to a minute per
# invocation at 1,000 pending on a 10,000-row history, hence fewer iterations.
java -jar "$jar" 'BookkeepingBenchmark.upgrader' -f 1 -wi 3 -i 5 -rf json -rff "$out/bookkeeping-upgrader.json" "$@"
java -jar "$jar" 'BookkeepingBenchmark.flyway' -f 1 -wi 1 -i 3 -rf json -rff "$out/bookkeeping-flyway.json" "$@"
