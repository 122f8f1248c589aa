#!/usr/bin/env bash
# Builds the benchmarks (outside the default build, -Pbenchmarks) and runs every one of
# them, writing JMH's JSON, the planning scaling and start-up harness JSON, the load
# average before each step (run.txt) and a Markdown summary (results.md) into
# benchmarks/target/results/<UTC time>/. Our machines have 2 shared cores, hence short
# JMH settings.
#   ./benchmarks/run.sh            the full run (about half an hour on a loaded machine)
#   ./benchmarks/run.sh --quick    a smoke run: each benchmark once, smallest sizes
# MVN_ARGS is passed to Maven (e.g. MVN_ARGS=-Dmaven.repo.local=/tmp/m2); PostgreSQL comes
# from UPGRADER_TEST_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/test), MariaDB
# from UPGRADER_TEST_MARIADB_URL (default jdbc:mariadb://127.0.0.1:3306/test).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
if [[ "${1:-}" == "--quick" ]]; then
	quick=true
	shift
fi
# shellcheck disable=SC2086
mvn -B -ntp -q package -Pbenchmarks -pl benchmarks -am -DskipTests ${MVN_ARGS:-}
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/results/$(date -u +%Y-%m-%dT%H%M%SZ)$($quick && echo -quick || true)
mkdir -p "$out"
{
	echo "command: ./benchmarks/run.sh$($quick && echo " --quick" || true) $*"
	echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
	echo "java: $(java -version 2>&1 | head -1)"
	echo "versions: Spring Boot 4.0.7, Flyway 13.12.1, Liquibase 4.33.0, H2 2.4.240, JMH 1.37"
} >"$out/run.txt"
step() {
	echo "$(date -u +%H:%M:%S) before $1: $(uptime | sed 's/.*load average/load average/')" >>"$out/run.txt"
}
if $quick; then
	jmh_quick=(-f 1 -wi 0 -i 1 -r 200ms)
	step planning
	java -jar "$jar" PlanningBenchmark -p upgrades=1000 -p appliedPercent=0 "${jmh_quick[@]}" -rf json -rff "$out/planning.json" "$@"
	java -cp "$jar" dev.upgrader.benchmarks.PlanningScaling 1000 --rounds 5 >"$out/planning-scaling.json"
	step noop-startup
	java -jar "$jar" NoOpStartupBenchmark -p database=h2 "${jmh_quick[@]}" -rf json -rff "$out/noop-startup.json" "$@"
	step bookkeeping
	for tool in upgrader flyway liquibase; do
		java -jar "$jar" "BookkeepingBenchmark.$tool" -p pending=10 -p logRows=0 -f 1 -wi 0 -i 1 -rf json -rff "$out/bookkeeping-$tool.json" "$@"
	done
	step startup
	java -cp "$jar" dev.upgrader.benchmarks.startup.StartupBenchmark --quick --json "$out/startup.json" --markdown "$out/startup.md"
	step tenants
	java -cp "$jar" dev.upgrader.benchmarks.tenants.TenantsBenchmark --quick --json "$out/tenants.json" --markdown "$out/tenants.md"
else
	step planning
	java -jar "$jar" PlanningBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc -rf json -rff "$out/planning.json" "$@"
	java -cp "$jar" dev.upgrader.benchmarks.PlanningScaling 1000 10000 100000 >"$out/planning-scaling.json"
	step noop-startup
	java -jar "$jar" NoOpStartupBenchmark -f 1 -wi 2 -i 5 -w 1s -r 1s -prof gc -rf json -rff "$out/noop-startup.json" "$@"
	step bookkeeping
	# Single-shot: every invocation gets fresh tables. Flyway takes up to a minute per
	# invocation at 1,000 pending on a 10,000-row history, and Liquibase longer, hence
	# fewer iterations.
	java -jar "$jar" 'BookkeepingBenchmark.upgrader' -f 1 -wi 3 -i 5 -rf json -rff "$out/bookkeeping-upgrader.json" "$@"
	java -jar "$jar" 'BookkeepingBenchmark.flyway' -f 1 -wi 1 -i 3 -rf json -rff "$out/bookkeeping-flyway.json" "$@"
	java -jar "$jar" 'BookkeepingBenchmark.liquibase' -f 1 -wi 1 -i 2 -rf json -rff "$out/bookkeeping-liquibase.json" "$@"
	step startup
	java -cp "$jar" dev.upgrader.benchmarks.startup.StartupBenchmark --runs 3 --json "$out/startup.json" --markdown "$out/startup.md"
	step tenants
	# 1,000 PostgreSQL schemas in a database of their own (<database>_bench): about ten minutes.
	java -cp "$jar" dev.upgrader.benchmarks.tenants.TenantsBenchmark --json "$out/tenants.json" --markdown "$out/tenants.md"
fi
step end
java -cp "$jar" dev.upgrader.benchmarks.ResultsTable "$out" >/dev/null
echo "Results: $out/results.md"
