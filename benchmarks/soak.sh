#!/usr/bin/env bash
# Issue 6 soak: the load of load.sh (100 connections, 2 threads; the three endpoints in turn, 20 s each) for DURATION
# seconds, sampling the API's RSS every 10 s. Prints RSS growth from the end of warm-up to the end (target < 10%).
# Env: DURATION (default 600), WARMUP (s of load before the baseline sample, default 60), BENCH_NO_BUILD=1.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${DURATION:-600}
WARMUP=${WARMUP:-60}
SLICE=20
ensure_wrk
build_release "$API_PROJECT"

PORT=$(free_port 18580)
start_api "$PORT" "$WORK/soak.db"
BASE="http://127.0.0.1:$PORT"
curl -fsS "$BASE/api/interviews" >"$WORK/interviews.json"
python3 - "$WORK/interviews.json" >"$WORK/draft.json" <<'PY'
import json, sys
interview = next(i for i in json.load(open(sys.argv[1])) if i.get("interviewers"))
utc = lambda t: t if t.endswith("Z") or "+" in t[10:] else t + "Z"
# The appointment rides along so the draft works whether or not the calendar lookup by id finds the event.
print(json.dumps({"eventId": interview["eventId"], "interviewerEmail": interview["interviewers"][0]["email"],
    "notes": "She runs marathons and is training for Berlin this autumn. We talked about the data platform migration.",
    "event": {"eventId": interview["eventId"], "subject": interview["subject"], "start": utc(interview["start"]), "end": utc(interview["end"]),
              "attendees": [{"name": p["name"], "email": p["email"], "type": "required"} for p in interview["interviewers"]]}}))
PY
wrk_script "$WORK/get.lua"
wrk_script "$WORK/draft.lua" "$WORK/draft.json"
say "soak: API pid $API_PID, ${DURATION}s of load, baseline after ${WARMUP}s"

(
    start=$(date +%s)
    while kill -0 "$API_PID" 2>/dev/null; do
        echo "$(( $(date +%s) - start )) $(rss_kb "$API_PID")"
        sleep 10
    done
) >"$WORK/rss" &
PIDS+=("$!")

END=$(( $(date +%s) + DURATION ))
targets=("/api/interviews get" "/api/followups/due get" "/api/drafts draft")
n=0
while (( $(date +%s) < END )); do
    read -r path script <<<"${targets[$((n % 3))]}"
    left=$(( END - $(date +%s) )); (( left < SLICE )) && slice=$left || slice=$SLICE
    (( slice > 0 )) || break
    wrk -t2 -c100 -d"${slice}s" --timeout 10s -s "$WORK/$script.lua" "$BASE$path" | grep '^RESULT' | sed "s|^|$path |" >>"$WORK/slices"
    n=$((n + 1))
done
echo "$DURATION $(rss_kb "$API_PID")" >>"$WORK/rss"
stop_pid "$API_PID"

echo
echo "== soak.sh $(date -u +%Y-%m-%dT%H:%MZ), ${DURATION}s, baseline after ${WARMUP}s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "RSS samples (s since start, MiB):"
awk '{printf "  %4d s %7.1f\n", $1, $2 / 1024}' "$WORK/rss"
python3 - "$WORK/rss" "$WARMUP" "$WORK/slices" <<'PY'
import sys
samples = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip() and int(l.split()[1]) > 0]
warmup = int(sys.argv[2])
base = next((kb for t, kb in samples if t >= warmup), samples[-1][1])
last = samples[-1][1]
peak = max(kb for _, kb in samples)
growth = 100.0 * (last - base) / base
print(f"RSS at {warmup}s: {base / 1024:.1f} MiB; at the end: {last / 1024:.1f} MiB; peak {peak / 1024:.1f} MiB")
print(f"RSS growth after warm-up: {growth:+.1f}% (target < 10%: {'met' if growth < 10 else 'MISSED'})")
slices = [l.split() for l in open(sys.argv[3])]
requests = sum(int(s[5].split('=')[1]) for s in slices)
non2xx = sum(int(s[7].split('=')[1]) for s in slices)
errors = sum(int(s[6].split('=')[1]) for s in slices)
print(f"{len(slices)} wrk slices, {requests} requests, {non2xx} non-2xx, {errors} socket errors")
PY
