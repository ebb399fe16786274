#!/usr/bin/env bash
# The one test command: installs what the tests need (Chromium, PostgreSQL, Redis, xmllint, Node.js), starts a
# throwaway PostgreSQL and Redis on loopback, runs every test project, and ends with "N passed, N failed".
# Extra arguments go to `dotnet test` (e.g. bash tests/run.sh --filter "FullyQualifiedName~Storage").
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
START=$SECONDS

export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '[run.sh %3ds] %s\n' "$((SECONDS - START))" "$*"; }
die() { say "ERROR: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

if [[ $EUID -eq 0 ]]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo -n); else SUDO=(); fi

# ---------------------------------------------------------------- packages (only what is missing)
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -n "$(postgres_bin)" && -x "$(postgres_bin)/initdb" ]] || missing+=(postgresql)
command -v redis-server >/dev/null && command -v redis-cli >/dev/null || missing+=(redis-server)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm) # the pane's MSBuild target runs npm ci

if ((${#missing[@]})); then
    say "installing: ${missing[*]}"
    "${SUDO[@]}" apt-get update -qq || die "apt-get update failed"
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" || die "apt-get install ${missing[*]} failed"
    # The Debian packages may start their own cluster and server; the tests use throwaway ones on other ports.
    for service in redis-server postgresql; do "${SUDO[@]}" service "$service" stop >/dev/null 2>&1 || true; done
fi

PG_BIN=$(postgres_bin)
[[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL's initdb not found under /usr/lib/postgresql"

# ---------------------------------------------------------------- services (throwaway, loopback only)
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local p=$1
    while port_in_use "$p"; do p=$((p + 1)); done
    echo "$p"
}

WORK=$(mktemp -d /tmp/followup-tests.XXXXXX)
chmod 755 "$WORK"
PG_DATA="$WORK/pg"
REDIS_PID=""

# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres user.
as_pg() {
    if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    local rc=$?
    if [[ -f "$PG_DATA/postmaster.pid" ]]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [[ -n "$REDIS_PID" ]]; then
        redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$REDIS_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PG_PORT=$(free_port 55432)
mkdir -p "$PG_DATA"
[[ $EUID -eq 0 ]] && chown postgres:postgres "$PG_DATA"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
# Durability is irrelevant for a throwaway cluster: fsync off makes CREATE/DROP DATABASE fast.
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -t 60 -l "$PG_DATA/server.log" \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$PG_DATA/server.log" >&2; die "PostgreSQL did not start"; }
say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

REDIS_PORT=$(free_port 56379)
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
    --dir "$WORK" --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" || die "redis-server did not start"
for _ in $(seq 50); do
    [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]] && break
    sleep 0.1
done
REDIS_PID=$(cat "$WORK/redis.pid" 2>/dev/null || true)
[[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]] || die "Redis does not answer"
say "Redis $(redis-server --version | sed -E 's/.*v=([^ ]+).*/\1/') on 127.0.0.1:$REDIS_PORT"

export FOLLOWUP_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export FOLLOWUP_TEST_REDIS="127.0.0.1:$REDIS_PORT"

# ---------------------------------------------------------------- tests
RESULTS="$ROOT/TestResults"
mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.trx

say "dotnet test FollowUpAddin.sln"
dotnet test FollowUpAddin.sln -c Release \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" "$@"
TEST_RC=$?

# One attribute of a trx file's <Counters total=".." passed=".." failed=".." .../> (0 when absent).
attr() {
    local value
    value=$(sed -nE "s/.* $1=\"([0-9]+)\".*/\1/p" <<<"$counters")
    echo "${value:-0}"
}

passed=0 failed=0 total=0 files=0
for trx in "$RESULTS"/*.trx; do
    [[ -f "$trx" ]] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    total=$((total + $(attr total)))
    passed=$((passed + $(attr passed)))
    failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
    files=$((files + 1))
done
skipped=$((total - passed - failed))

say "$files result file(s) in $RESULTS; dotnet test exited $TEST_RC; $((SECONDS - START)) s in all"
if [[ $TEST_RC -ne 0 && $failed -eq 0 ]]; then
    # The summary must never read as a success when the run was not one.
    say "dotnet test failed without a failed test: the build failed or a test host crashed (see above); counted as 1 failed"
    failed=1
fi

line="$passed passed, $failed failed"
((skipped > 0)) && line+=", $skipped skipped"
echo "$line"

[[ $TEST_RC -eq 0 && $failed -eq 0 && $files -gt 0 ]]
