# Shared by the benchmark scripts: build once, start the API or the minimal endpoint on loopback, clean up on exit.
# shellcheck shell=bash
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
API_PROJECT="$ROOT/backend/FollowUp.Api"
API_DLL="$API_PROJECT/bin/Release/net10.0/FollowUp.Api.dll"
MINIMAL_PROJECT="$ROOT/benchmarks/MinimalEndpoint"
MINIMAL_DLL="$MINIMAL_PROJECT/bin/Release/net10.0/MinimalEndpoint.dll"
WORK=$(mktemp -d /tmp/followup-bench.XXXXXX)
PIDS=()

say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { say "error: $*"; exit 1; }

cleanup_processes() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    PIDS=()
}
# Scripts with more to clean (PostgreSQL) define extra_cleanup.
cleanup() {
    local rc=$?
    cleanup_processes
    if declare -F extra_cleanup >/dev/null; then extra_cleanup || true; fi
    [[ "${KEEP_WORK:-0}" == 1 ]] || rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local p=$1
    while port_in_use "$p"; do p=$((p + 1)); done
    echo "$p"
}

ensure_wrk() {
    command -v wrk >/dev/null && return
    say "installing wrk (apt-get)"
    local sudo=(); [[ $EUID -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get install -y wrk >/dev/null 2>&1 || { "${sudo[@]}" apt-get update >/dev/null && "${sudo[@]}" apt-get install -y wrk >/dev/null; }
    command -v wrk >/dev/null || die "wrk could not be installed"
}

# BENCH_NO_BUILD=1 reuses the last Release build.
build_release() {
    [[ "${BENCH_NO_BUILD:-0}" == 1 ]] && return
    local project
    for project in "$@"; do
        say "building $(basename "$project") (Release)"
        dotnet build "$project" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log" >&2; die "build failed: $project"; }
    done
}

# start_api PORT DBFILE_OR_EMPTY [ENV=VALUE...]: the API in Release, demo mode, on 127.0.0.1:PORT; sets API_PID.
start_api() {
    local port=$1 db=$2; shift 2
    local storage=()
    [[ -n "$db" ]] && storage=("Storage__SqliteFile=$db")
    (cd "$API_PROJECT" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
        AzureAd__ClientId= RateLimiting__PerUserPerMinute=100000000 "${storage[@]}" "$@" \
        dotnet "$API_DLL" >>"$WORK/api-$port.log" 2>&1) &
    API_PID=$!
    PIDS+=("$API_PID")
    wait_healthy "http://127.0.0.1:$port" "$API_PID" "$WORK/api-$port.log"
}

# start_minimal PORT: the ceiling endpoint; sets MINIMAL_PID.
start_minimal() {
    local port=$1
    (exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$MINIMAL_DLL" >>"$WORK/minimal-$port.log" 2>&1) &
    MINIMAL_PID=$!
    PIDS+=("$MINIMAL_PID")
    wait_healthy "http://127.0.0.1:$port" "$MINIMAL_PID" "$WORK/minimal-$port.log"
}

wait_healthy() {
    local base=$1 pid=$2 log=$3
    for _ in $(seq 600); do
        curl -fsS -o /dev/null --max-time 2 "$base/healthz" 2>/dev/null && return
        kill -0 "$pid" 2>/dev/null || { tail -30 "$log" >&2; die "process $pid exited before $base/healthz answered"; }
        sleep 0.2
    done
    die "$base/healthz did not answer within 120 s"
}

stop_pid() {
    local pid=$1 sig=${2:-TERM}
    kill "-$sig" "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local kept=() p
    for p in "${PIDS[@]}"; do [[ "$p" == "$pid" ]] || kept+=("$p"); done
    PIDS=("${kept[@]}")
}

# cpu_ticks PID: user + system clock ticks the process has used (0 without a pid).
cpu_ticks() { [[ -n "$1" ]] && awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# A wrk Lua script: optional JSON POST body, and one machine-readable RESULT line at the end.
wrk_script() {
    local file=$1 body_file=${2:-}
    {
        if [[ -n "$body_file" ]]; then
            echo 'wrk.method = "POST"'
            echo 'wrk.headers["Content-Type"] = "application/json"'
            printf 'local f = io.open("%s", "r"); wrk.body = f:read("*a"); f:close()\n' "$body_file"
        fi
        cat <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d socket_errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status))
end
LUA
    } >"$file"
}

# run_wrk NAME URL SCRIPT SECONDS: prints wrk's own report and leaves "NAME rps p50 p99 non2xx" in $WORK/results.
run_wrk() {
    local name=$1 url=$2 script=$3 seconds=$4
    local out="$WORK/wrk-$name.txt"
    local cpu0; cpu0=$(cpu_ticks "${CPU_PID:-}")
    wrk -t"${WRK_THREADS:-2}" -c"${WRK_CONNECTIONS:-100}" -d"${seconds}s" --timeout 10s --latency -s "$script" "$url" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed for $name"; }
    local cpu1; cpu1=$(cpu_ticks "${CPU_PID:-}")
    cat "$out"
    local line; line=$(grep '^RESULT' "$out")
    local rps p50 p99 non2xx
    rps=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$line")
    p50=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$line")
    p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line")
    non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")
    local requests cpu_us=-
    requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")
    # The server's own processor time per request (user + system), from /proc: wrk's share of the cores is not in it.
    [[ -n "${CPU_PID:-}" && "$requests" -gt 0 ]] && cpu_us=$(( (cpu1 - cpu0) * 1000000 / $(getconf CLK_TCK) / requests ))
    echo "$name $rps $p50 $p99 $non2xx $cpu_us" >>"$WORK/results"
}

