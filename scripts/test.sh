#!/usr/bin/env bash
# The whole test suite on H2, PostgreSQL and MariaDB: makes sure both servers run (and
# PgBouncer in transaction mode in front of PostgreSQL), then
# runs `mvn -B -ntp verify` with the real-database tests required (they fail, not skip,
# when a server is unreachable). Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(./scripts/ensure-databases.sh)"
eval "$(./scripts/ensure-pgbouncer.sh)"
exec mvn -B -ntp verify -Dupgrader.test.databases=required "$@"
