#!/usr/bin/env bash
# Fails unless the surefire reports show PostgreSQL, MariaDB and PgBouncer test classes that ran with
# no skipped test: a green build that skipped the real databases proves nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for db in Postgres MariaDb PgBouncer; do
  reports=$(ls */target/surefire-reports/TEST-*"$db"*.xml 2>/dev/null || true)
  if [ -z "$reports" ]; then
    echo "check-database-tests-ran: no $db test reports found" >&2; status=1; continue
  fi
  for report in $reports; do
    read -r tests skipped < <(sed -n 's/.*<testsuite[^>]* tests="\([0-9]*\)"[^>]* skipped="\([0-9]*\)".*/\1 \2/p' "$report" | head -1)
    if [ -z "${tests:-}" ] || [ "$tests" = 0 ] || [ "$skipped" != 0 ]; then
      echo "check-database-tests-ran: $report ran ${tests:-?} tests, skipped ${skipped:-?}" >&2; status=1
    fi
  done
  echo "check-database-tests-ran: $db reports: $(echo "$reports" | wc -l) classes, none skipped" >&2
done
exit $status
