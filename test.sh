#!/usr/bin/env bash
# ChargePortal's one test command: installs what a fresh Debian machine lacks, builds with
# warnings as errors, checks every provider's migrations, runs every test project (Playwright
# included) on SQLite, runs the database and cluster tests again on a private PostgreSQL, and
# ends with one line "N passed, N failed" totalled over all runs.
set -uo pipefail
cd "$(dirname "$0")"

say() { printf '\n==> %s\n' "$*"; }
fail() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

# --- Chromium for the Playwright tests (Playwright's own browser download cannot run here).
if [ -z "${CHARGEPORTAL_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing Chromium (apt)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || fail "could not install chromium with apt-get"
  else
    fail "Chromium is missing. Install it (sudo apt-get install chromium) or set CHARGEPORTAL_CHROMIUM to a Chromium/Chrome binary."
  fi
fi

# --- Redis for the scale-out tests (several nodes sharing one Redis).
if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing Redis (apt)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) || fail "could not install redis-server with apt-get"
  else
    fail "redis-server is missing. Install it (sudo apt-get install redis-server)."
  fi
fi

# --- PostgreSQL for the second database pass (a private cluster under a temp folder, started below).
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(pg_bin)" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing PostgreSQL (apt)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || fail "could not install postgresql with apt-get"
  else
    fail "PostgreSQL is missing. Install it (sudo apt-get install postgresql)."
  fi
fi

# --- dotnet-ef, pinned, in a private tool folder (no global state).
tools="${CHARGEPORTAL_TOOLS:-$HOME/.chargeportal-tools}"
if [ ! -x "$tools/dotnet-ef" ]; then
  say "Installing dotnet-ef 10.0.15"
  dotnet tool install --tool-path "$tools" dotnet-ef --version 10.0.15 >/dev/null || fail "could not install dotnet-ef"
fi

say "Build (warnings are errors)"
dotnet build ChargePortal.sln -c Release -nologo -v q || fail "build failed"

say "Migrations: no pending model changes; SQL Server script generates"
web=src/ChargePortal.Web
for ctx in SqliteAppDbContext SqlServerAppDbContext PostgreSqlAppDbContext; do
  "$tools/dotnet-ef" migrations has-pending-model-changes --project "$web" --context "$ctx" --configuration Release --no-build >/dev/null \
    || fail "$ctx has model changes without a migration (dotnet ef migrations add ... --context $ctx)"
done
sqlout=$(mktemp --suffix=.sql)
"$tools/dotnet-ef" migrations script --project "$web" --context SqlServerAppDbContext --configuration Release --no-build --idempotent -o "$sqlout" >/dev/null \
  || fail "could not script the SQL Server migrations"
grep -q "CREATE TABLE \[Stations\]" "$sqlout" || fail "SQL Server migration script lacks the Stations table"
rm -f "$sqlout"

free_port() {
  local candidate
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return; fi
  done
}

say "Starting a private Redis on 127.0.0.1"
redis_dir=$(mktemp -d)
redis_port=$(free_port)
[ -n "$redis_port" ] || fail "no free port for Redis"
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
  --dir "$redis_dir" --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" >/dev/null || fail "redis-server did not start"
stop_redis() { redis-cli -h 127.0.0.1 -p "$redis_port" shutdown nosave >/dev/null 2>&1; rm -rf "$redis_dir"; }
pg_dir=
stop_postgres() {
  [ -n "$pg_dir" ] || return 0
  as_pg "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pg_dir"
}
trap 'stop_redis; stop_postgres' EXIT
for _ in $(seq 1 50); do
  [ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" = PONG ] && break
  sleep 0.1
done
[ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" = PONG ] || fail "redis-server is not answering on port $redis_port"
export CHARGEPORTAL_TEST_REDIS="127.0.0.1:$redis_port"

say "Starting a private PostgreSQL on 127.0.0.1"
# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres account the package creates.
as_pg() { (cd / && if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi); }
pg_dir=$(mktemp -d)
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
pg_port=$(free_port)
[ -n "$pg_port" ] || fail "no free port for PostgreSQL"
as_pg "$(pg_bin)/initdb" -D "$pg_dir/data" -U chargeportal --auth=trust -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; fail "initdb failed"; }
# Throwaway data: no fsync. Every test host holds a pool of its own, hence the connection limit.
as_pg "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $pg_port -k $pg_dir -F -c max_connections=400 -c full_page_writes=off" start >/dev/null \
  || { cat "$pg_dir/postgres.log" >&2; fail "PostgreSQL did not start"; }
export CHARGEPORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=chargeportal"

say "Tests"
log=$(mktemp)
# One test assembly at a time: the Playwright host, the integration hosts and the unit tests all compete for
# two cores otherwise, and a starved host makes timing-sensitive protocol tests (timeouts, leases) flaky.
dotnet test --solution ChargePortal.sln -c Release --no-build --max-parallel-test-modules 1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The second pass: the Web test namespaces whose tests write through the database, on PostgreSQL (a database of its
# own per test host, see TestDatabase), the two-node cluster tests among them on PostgreSQL + Redis. Left out: the
# bUnit components and the security headers/settings tests, which do not depend on the database.
pg_namespaces=(Foundation Cluster Ocpp Drivers Payments Tariffs Reservations Management Operations OperatorTools Roaming DeviceModel StationEvents StationSecurity Provisioning Live)
say "Tests on PostgreSQL: ${pg_namespaces[*]}"
pg_started=$SECONDS
pg_filter=()
for ns in "${pg_namespaces[@]}"; do pg_filter+=(--filter-namespace "ChargePortal.Web.Tests.$ns"); done
CHARGEPORTAL_TEST_DATABASE=postgres dotnet test --project tests/ChargePortal.Web.Tests -c Release --no-build "${pg_filter[@]}" 2>&1 | tee -a "$log"
pg_status=${PIPESTATUS[0]}
echo "PostgreSQL pass: $((SECONDS - pg_started)) s"
[ "$pg_status" -eq 0 ] || status=$pg_status

# Repeat the failures at the end, where a truncated CI log still shows them.
if grep -qE '^\s*failed [^:w]' "$log"; then
  echo
  echo "==> Failed tests"
  grep -E -A8 '^\s*failed [^:w]' "$log" | cut -c1-300
fi

# Microsoft.Testing.Platform prints one summary per test assembly: "total: N / failed: N / succeeded: N".
passed=$(grep -E '^\s*succeeded:\s*[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s*failed:\s*[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
