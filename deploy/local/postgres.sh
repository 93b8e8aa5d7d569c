#!/usr/bin/env bash
# PostgreSQL for local runs and tests: uses a server that already answers, else starts (or
# installs, then starts) the local Debian cluster, then creates the role and the databases.
#
# usage: postgres.sh ensure [--test]   role + service databases (or the *_test ones)
#        postgres.sh reset --test      drop and recreate the test databases
# settings: DB_HOST (127.0.0.1), DB_PORT (5432), DB_USER (bipm), DB_PASSWORD (bipm)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$ROOT/deploy/local/jdk.sh"

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-5432}
DB_USER=${DB_USER:-bipm}
DB_PASSWORD=${DB_PASSWORD:-bipm}
SERVICE_DBS=(membership liaison cbkt wmd gateway)
TEST_DBS=(membership_test liaison_test cbkt_test wmd_test gateway_test kernel_test)

say() { echo "postgres: $*" >&2; }
die() { say "$*"; exit 1; }
usage() { echo "usage: $(basename "$0") ensure [--test] | reset --test" >&2; exit 2; }

cmd=${1:-}; test_dbs=false
case "${2:-}" in --test) test_dbs=true ;; "") ;; *) usage ;; esac
if $test_dbs; then DBS=("${TEST_DBS[@]}"); else DBS=("${SERVICE_DBS[@]}"); fi

is_local() { case "$DB_HOST" in 127.0.0.1|localhost|::1) return 0 ;; *) return 1 ;; esac; }
answers() { pg_isready -q -h "$DB_HOST" -p "$DB_PORT" 2>/dev/null; }
cluster_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1; }

install_server() {
  [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed; install it (apt-get install postgresql) or set DB_HOST"
  say "installing PostgreSQL from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
}

# Starts the Debian cluster 'main' directly (no systemd here); the server itself refuses
# root, pg_ctlcluster switches to the cluster owner.
start_local_server() {
  local ver
  [ -n "$(cluster_version)" ] || install_server
  ver=$(cluster_version)
  [ -n "$ver" ] || die "no PostgreSQL cluster under /etc/postgresql after install"
  if [ ! -d "/etc/postgresql/$ver/main" ]; then
    say "creating cluster $ver/main"
    pg_createcluster --port "$DB_PORT" "$ver" main >/dev/null
  fi
  say "starting cluster $ver/main"
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true   # 'already running' is fine
  local deadline=$((SECONDS + 30))
  until answers; do
    [ $SECONDS -lt $deadline ] || {
      tail -n 20 "/var/log/postgresql/postgresql-$ver-main.log" >&2 2>/dev/null || true
      die "cluster $ver/main started but $DB_HOST:$DB_PORT does not answer (is its port $DB_PORT?)"
    }
    sleep 1
  done
}

ensure_server() {
  if ! command -v pg_isready >/dev/null; then
    is_local || die "pg_isready/psql are missing: apt-get install postgresql-client"
    install_server
  fi
  answers && return
  is_local || die "no PostgreSQL answers on $DB_HOST:$DB_PORT"
  start_local_server
}

# SQL as a superuser: as root on a local server, the postgres account over the socket
# (peer auth); otherwise the current user's own access (PGUSER/PGPASSWORD if set).
admin_psql() {
  if [ "$(id -u)" = 0 ] && is_local; then
    (cd / && su postgres -s /bin/sh -c "psql -X -q -v ON_ERROR_STOP=1 -p $DB_PORT -d postgres")
  else
    psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -d postgres
  fi
}

lit()   { printf "'%s'" "${1//\'/\'\'}"; }     # SQL string literal
ident() { printf '"%s"' "${1//\"/\"\"}"; }     # SQL identifier

# The app connects over TCP where the server may ask for a password, so the role has one;
# ALTER keeps the password in line with DB_PASSWORD on every run.
ensure_role_and_dbs() {
  local db
  {
    echo "SELECT 'CREATE ROLE $(ident "$DB_USER")' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = $(lit "$DB_USER"))\\gexec"
    echo "ALTER ROLE $(ident "$DB_USER") LOGIN CREATEDB PASSWORD $(lit "$DB_PASSWORD");"
    for db in "${DBS[@]}"; do
      echo "SELECT 'CREATE DATABASE $(ident "$db") OWNER $(ident "$DB_USER")' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = $(lit "$db"))\\gexec"
    done
  } | admin_psql
}

reset_dbs() {
  local db
  {
    for db in "${DBS[@]}"; do
      echo "DROP DATABASE IF EXISTS $(ident "$db") WITH (FORCE);"
      echo "CREATE DATABASE $(ident "$db") OWNER $(ident "$DB_USER");"
    done
  } | admin_psql
}

verify() {
  PGPASSWORD="$DB_PASSWORD" psql -X -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "${DBS[0]}" \
      -c 'select 1' >/dev/null 2>&1 \
    || die "cannot connect as $DB_USER to ${DBS[0]} on $DB_HOST:$DB_PORT with DB_PASSWORD (check pg_hba.conf / the password)"
}

case "$cmd" in
  ensure)
    ensure_server
    ensure_role_and_dbs
    verify
    say "ready on $DB_HOST:$DB_PORT, role $DB_USER, databases: ${DBS[*]}"
    ;;
  reset)
    $test_dbs || { say "reset only applies to the test databases: use 'reset --test'"; exit 2; }
    ensure_server
    ensure_role_and_dbs
    reset_dbs
    verify
    say "test databases recreated: ${DBS[*]}"
    ;;
  *) usage ;;
esac
