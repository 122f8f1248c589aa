#!/usr/bin/env bash
# The sample application processed by Spring AOT (issue #10): builds it with `-Paot` (Spring
# Boot's process-aot), starts the jar with -Dspring.aot.enabled=true on a fresh H2 database and
# checks that it ran as AOT-processed, applied its upgrades, and that a shell command works:
# `upgrader show applied` exits 0 and prints the table. With GraalVM's native-image on the PATH
# it builds and checks the native binary the same way; without, it says so. Extra arguments go
# to Maven (e.g. -Dmaven.repo.local=...). The same jar started without AOT must find its Java
# upgrades in the build-time index (upgrader-index) rather than by scanning.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
upgrades=(shop_2026_01_10_create_products shop_2026_02_03_add_product_price
	billing_2026_02_20_create_invoices billing_2026_03_01_add_invoice_status
	shop_2026_03_15_seed_products shop_release_1_0_0
	billing_2026_04_08_add_invoice_due_date shop_2026_04_01_index_product_names)

# Runs one command of the application in a fresh directory (so a fresh H2 file database) and
# checks what it printed.
check() {
	local name=$1 started=$2
	shift 2
	local work output
	work=$(mktemp -d)
	echo "aot-smoke: $name: $* upgrader show applied"
	if ! output=$(cd "$work" && "$@" upgrader show applied 2>&1); then
		echo "$output"
		echo "aot-smoke: FAILED: $name: 'upgrader show applied' exited non-zero"
		exit 1
	fi
	rm -rf "$work"
	for expected in "$started" "${upgrades[@]}" "${#upgrades[@]} upgrade(s) applied."; do
		if ! grep -qF -- "$expected" <<<"$output"; then
			echo "$output"
			echo "aot-smoke: FAILED: $name: the output lacks '$expected'"
			exit 1
		fi
	done
	grep -F -A $((${#upgrades[@]} + 3)) "Upgrade " <<<"$output"
	echo "aot-smoke: $name: OK"
}

native=()
if command -v native-image >/dev/null; then
	native=(-Pnative)
fi
mvn -B -ntp -q package -pl sample-app -am -DskipTests -Paot "${native[@]}" "$@"
jar=$root/sample-app/target/upgrader-sample-app-0.1.0-SNAPSHOT.jar
check "AOT-processed jar" "Starting AOT-processed SampleApplication" java -Dspring.aot.enabled=true -jar "$jar"
check "packaged jar, upgrades from the build-time index" \
	"Upgrades of dev.upgrader.sample from the build-time index: 6 classes" \
	java -Dlogging.level.dev.upgrader.autoconfigure.UpgradeBeanRegistrar=debug -jar "$jar"
if [ ${#native[@]} -gt 0 ]; then
	check "native binary" "Starting AOT-processed SampleApplication" "$root/sample-app/target/upgrader-sample-app"
else
	echo "aot-smoke: GraalVM native-image is not on the PATH: the native binary was not built"
fi
