#!/usr/bin/env bash
# Makes sure PgBouncer runs in front of the local PostgreSQL in transaction pooling mode (the
# common production setup, which does not keep a client's session on one server connection),
# then prints the environment the PgBouncer tests need as `export` lines. Installs pgbouncer
# with apt-get where missing. Idempotent: a PgBouncer already answering on the port is kept.
# Reads the PostgreSQL settings the tests use (UPGRADER_TEST_POSTGRES_URL/_USER/_PASSWORD, as
# ensure-databases.sh exports them); UPGRADER_PGBOUNCER_PORT chooses the port (6432).
set -euo pipefail
log() { echo "ensure-pgbouncer: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

port="${UPGRADER_PGBOUNCER_PORT:-6432}"
postgres_url="${UPGRADER_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}"
user="${UPGRADER_TEST_POSTGRES_USER:-postgres}"
password="${UPGRADER_TEST_POSTGRES_PASSWORD:-}"
database="$(echo "$postgres_url" | sed -E 's#^jdbc:postgresql://[^/]+/([^?]*).*#\1#')"
server="$(echo "$postgres_url" | sed -E 's#^jdbc:postgresql://([^/:]+)(:([0-9]+))?/.*#\1 \3#')"
server_host="${server%% *}"
server_port="${server##* }"
server_port="${server_port:-5432}"

if ! command -v pgbouncer >/dev/null 2>&1 && [ ! -x /usr/sbin/pgbouncer ]; then
  log "installing pgbouncer"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pgbouncer >&2
fi

if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
  dir="/tmp/upgrader-pgbouncer-$port"
  as_root install -d -o postgres -g postgres -m 700 "$dir"
  # Any database name goes to the same server; trust for clients, the test user's password
  # (if any) towards PostgreSQL.
  as_root sh -c "cat > '$dir/pgbouncer.ini'" <<INI
[databases]
* = host=$server_host port=$server_port
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/users.txt
pool_mode = transaction
default_pool_size = 4
max_client_conn = 500
ignore_startup_parameters = extra_float_digits,options
pidfile = $dir/pgbouncer.pid
logfile = $dir/pgbouncer.log
INI
  as_root sh -c "printf '\"%s\" \"%s\"\n' '$user' '$password' > '$dir/users.txt'"
  as_root chown postgres:postgres "$dir/pgbouncer.ini" "$dir/users.txt"
  log "starting PgBouncer on 127.0.0.1:$port (pool_mode=transaction) in front of $server_host:$server_port"
  as_root su postgres -s /bin/sh -c "/usr/sbin/pgbouncer -d '$dir/pgbouncer.ini'" >&2
  for _ in $(seq 1 40); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.25; done
fi
pg_isready -h 127.0.0.1 -p "$port" >&2
# Server-side prepared statements do not survive transaction pooling: prepareThreshold=0.
echo "export UPGRADER_TEST_PGBOUNCER_URL='jdbc:postgresql://127.0.0.1:$port/$database?prepareThreshold=0'"
echo "export UPGRADER_TEST_PGBOUNCER_USER='$user' UPGRADER_TEST_PGBOUNCER_PASSWORD='$password'"
log "PgBouncer is ready"
