#!/usr/bin/env bash
# Issue 6 Graph economy: Graph calls per pane open (target: 1 for the calendar window, 0 when cached) and the bytes of
# our calendarView answer ($select with bodyPreview + Prefer UTC) against (a) a naive unselected one with no Prefer
# headers (target <= 1/4) and (b) an unselected one with the same Prefer headers.
# Calls: the API runs in demo mode with Graph__BaseUrl pointing at GraphCalls, which serves the sample mailbox through
# the demo Graph handler and counts every request the API's real Graph client sends. A pane open is GET /api/interviews.
# Bytes: GraphCalls asks the demo handler (shipped sample mailbox, full Graph events with Outlook HTML bodies) for the
# API's window three ways: our request, (a) and (b).
# Env: BENCH_NO_BUILD=1.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GRAPH_CALLS_PROJECT="$ROOT/benchmarks/GraphCalls"
GRAPH_CALLS_DLL="$GRAPH_CALLS_PROJECT/bin/Release/net10.0/GraphCalls.dll"
build_release "$GRAPH_CALLS_PROJECT"

echo "== graph-calls.sh $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$GRAPH_CALLS_DLL" bytes

GPORT=$(free_port 18380)
(exec dotnet "$GRAPH_CALLS_DLL" serve "$GPORT" >"$WORK/graph.log" 2>&1) &
GRAPH_PID=$!
PIDS+=("$GRAPH_PID")
wait_healthy "http://127.0.0.1:$GPORT" "$GRAPH_PID" "$WORK/graph.log"

PORT=$(free_port 18480)
start_api "$PORT" "$WORK/graph-calls.db" "Graph__BaseUrl=http://127.0.0.1:$GPORT/v1.0"
BASE="http://127.0.0.1:$PORT"

calls() { curl -fsS "http://127.0.0.1:$GPORT/__calls"; }
total() { python3 -c 'import json,sys; print(sum(json.load(sys.stdin).values()))'; }
curl -fsS -X POST "http://127.0.0.1:$GPORT/__reset"
curl -fsS -o /dev/null "$BASE/api/interviews" || die "GET /api/interviews failed"
FIRST=$(calls)
curl -fsS -X POST "http://127.0.0.1:$GPORT/__reset"
curl -fsS -o /dev/null "$BASE/api/interviews"
SECOND=$(calls)
curl -fsS -X POST "http://127.0.0.1:$GPORT/__reset"
curl -fsS -o /dev/null "$BASE/api/followups/due"
DUE=$(calls)

echo "Graph calls per pane open (GET /api/interviews, default window):"
echo "  first open:  $(total <<<"$FIRST") $FIRST (target 1)"
echo "  second open: $(total <<<"$SECOND") $SECOND (target 0, served from the per-user cache)"
echo "  then GET /api/followups/due: $(total <<<"$DUE") $DUE"
[[ "$(total <<<"$FIRST")" == 1 ]] && echo "  first open target: met" || echo "  first open target: MISSED"
[[ "$(total <<<"$SECOND")" == 0 ]] && echo "  cached open target: met" || echo "  cached open target: MISSED (no calendar cache in this build)"
