#!/usr/bin/env bash
# Makes sure PostgreSQL and MariaDB are installed, running and hold a database `test`, then
# prints the environment the tests need (JDBC URLs and credentials) as `export` lines.
# Idempotent: on a machine where both already run with the defaults it only checks them.
set -euo pipefail
log() { echo "ensure-databases: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  log "starting PostgreSQL"
  for version in $(ls /etc/postgresql); do
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  done
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
fi
pg_isready -h 127.0.0.1 -p 5432 >&2

if ! mariadb-admin ping >/dev/null 2>&1; then
  log "starting MariaDB"
  as_root install -d -o mysql -g mysql /run/mysqld
  as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql >&2
  for _ in $(seq 1 60); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
mariadb-admin ping >&2

# The defaults the tests use: postgres (trust) and root (empty password) on 127.0.0.1.
if ! psql -h 127.0.0.1 -U postgres -d postgres -w -Atc 'select 1' >/dev/null 2>&1; then
  log "PostgreSQL refuses password-less TCP logins: using role upgrader/upgrader"
  as_root su postgres -c "psql -q -c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='upgrader') THEN CREATE ROLE upgrader LOGIN SUPERUSER PASSWORD 'upgrader'; END IF; END\\\$\\\$\"" >&2
  echo "export UPGRADER_TEST_POSTGRES_USER=upgrader UPGRADER_TEST_POSTGRES_PASSWORD=upgrader"
  export PGUSER=upgrader PGPASSWORD=upgrader
else
  export PGUSER=postgres
fi
if [ "$(psql -h 127.0.0.1 -d postgres -Atc "select count(*) from pg_database where datname='test'")" = 0 ]; then
  psql -h 127.0.0.1 -d postgres -qc 'create database test' >&2
fi

if mariadb -h 127.0.0.1 -u root -e 'select 1' >/dev/null 2>&1; then
  mariadb -h 127.0.0.1 -u root -e 'CREATE DATABASE IF NOT EXISTS test' >&2
else
  log "MariaDB refuses root over TCP without a password: using user upgrader/upgrader"
  as_root mariadb -e "CREATE DATABASE IF NOT EXISTS test;
    CREATE USER IF NOT EXISTS 'upgrader'@'127.0.0.1' IDENTIFIED BY 'upgrader';
    CREATE USER IF NOT EXISTS 'upgrader'@'localhost' IDENTIFIED BY 'upgrader';
    GRANT ALL ON *.* TO 'upgrader'@'127.0.0.1'; GRANT ALL ON *.* TO 'upgrader'@'localhost';" >&2
  echo "export UPGRADER_TEST_MARIADB_USER=upgrader UPGRADER_TEST_MARIADB_PASSWORD=upgrader"
fi
log "PostgreSQL and MariaDB are ready"
