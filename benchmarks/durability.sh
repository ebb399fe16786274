#!/usr/bin/env bash
# Issue 6 durability: SIGKILL the API during 200 concurrent note saves, restart it, and read every save that was
# answered 2xx back through the API. Prints the count lost (must be 0), on SQLite (WAL) and on PostgreSQL.
# PostgreSQL: FOLLOWUP_TEST_POSTGRES (an Npgsql connection string) or a throwaway cluster started here (fsync on).
# Env: SAVES (200), PARALLEL (50), KILL_AFTER (answers seen before the kill, default 60), BENCH_NO_BUILD=1, SKIP_POSTGRES=1.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SAVES=${SAVES:-200}
PARALLEL=${PARALLEL:-50}
KILL_AFTER=${KILL_AFTER:-60}
PG_DATA=""
build_release "$API_PROJECT"

as_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
extra_cleanup() {
    [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1
    return 0
}

# Notes naming one interest each; the topic each yields is learned from the running API, not assumed.
INTEREST_NOTES=(
    "She runs marathons and is training for Berlin this autumn."
    "He is an avid rock climber and spends his summers in the Dolomites."
    "She bakes sourdough bread every weekend."
    "He loves astronomy and has a telescope in his garden."
)

# save I: one POST /api/drafts with unique notes for a minted event; prints "I HTTP_STATUS".
save_one() {
    local i=$1
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H 'Content-Type: application/json' \
        --data-binary @"$WORK/req/$i.json" "$BASE/api/drafts" 2>/dev/null) || true
    echo "$i ${status:-000}"
}
export -f save_one

# read_back I: drafts again with notes omitted; prints the main topic found in the saved notes (or "-").
read_back() {
    local i=$1
    curl -s --max-time 30 -H 'Content-Type: application/json' --data-binary @"$WORK/req/$i.read.json" "$BASE/api/drafts" |
        python3 -c 'import json,sys
try: d=json.load(sys.stdin); print((d.get("interests") or [{"topic":"-"}])[0]["topic"])
except Exception: print("!")'
}

run_case() {
    local label=$1; shift
    local port run
    port=$(free_port 18280)
    run="$label-$$-$(date +%s)"
    BASE="http://127.0.0.1:$port"
    export BASE WORK
    start_api "$port" "$@"
    say "$label: API pid $API_PID on $BASE"

    # The topic each note yields, learned from the API.
    local topics=() n
    for n in "${INTEREST_NOTES[@]}"; do
        topics+=("$(curl -fsS -H 'Content-Type: application/json' -d "$(python3 -c 'import json,sys; print(json.dumps({"notes": sys.argv[1]}))' "$n")" \
            "$BASE/api/interests/extract" | python3 -c 'import json,sys; d=json.load(sys.stdin)["interests"]; print(d[0]["topic"] if d else "-")')")
    done
    # A note whose interest the API cannot find would make a lost save indistinguishable from a kept one.
    [[ " ${topics[*]} " != *" - "* ]] || die "an interest note yields no topic: ${topics[*]}"
    say "$label: the notes name these topics: ${topics[*]}"
    rm -rf "$WORK/req"; mkdir -p "$WORK/req"
    python3 - "$WORK/req" "$run" "$SAVES" "${INTEREST_NOTES[@]}" <<'PY'
import json, sys, datetime
folder, run, saves, notes = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
start = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
for i in range(saves):
    event_id, email = f"durability-{run}-{i}", f"interviewer{i}@durability.example"
    event = {"eventId": event_id, "subject": f"Interview: Data Engineer – Durability Co (round {i})",
             "start": start.isoformat(), "end": (start + datetime.timedelta(hours=1)).isoformat(), "location": "Teams",
             "organizer": {"name": f"Pat Interviewer{i}", "email": email},
             "attendees": [{"name": f"Pat Interviewer{i}", "email": email, "type": "required"}],
             "body": "Technical interview for the Data Engineer role."}
    note = f"{notes[i % len(notes)]} Save {run} number {i}; we also discussed pipeline testing."
    save = {"eventId": event_id, "interviewerEmail": email, "notes": note, "event": event}
    json.dump(save, open(f"{folder}/{i}.json", "w"))
    json.dump({"eventId": event_id, "interviewerEmail": email, "event": event}, open(f"{folder}/{i}.read.json", "w"))
PY

    : >"$WORK/answers"
    seq 0 $((SAVES - 1)) | xargs -P "$PARALLEL" -I{} bash -c 'save_one {}' >>"$WORK/answers" &
    local sender=$!
    while (( $(wc -l <"$WORK/answers") < KILL_AFTER )) && kill -0 "$sender" 2>/dev/null; do sleep 0.01; done
    local answered_at_kill; answered_at_kill=$(wc -l <"$WORK/answers")
    stop_pid "$API_PID" KILL
    wait "$sender" || true
    local ok; ok=$(awk '$2 ~ /^2/' "$WORK/answers" | wc -l)
    say "$label: SIGKILL after $answered_at_kill answers; $ok of $SAVES saves answered 2xx"

    start_api "$port" "$@"
    say "$label: restarted, API pid $API_PID; reading $ok saves back"
    local lost=0 i expected got
    while read -r i status; do
        [[ "$status" == 2* ]] || continue
        expected=${topics[$((i % ${#topics[@]}))]}
        got=$(read_back "$i")
        [[ "$got" == "$expected" ]] || { lost=$((lost + 1)); say "$label: save $i answered $status but reads back '$got' (expected '$expected')"; }
    done <"$WORK/answers"
    stop_pid "$API_PID"
    echo "$label saves=$SAVES answered_2xx=$ok answered_before_kill=$answered_at_kill lost=$lost" >>"$WORK/results"
}

run_case sqlite "$WORK/durability.db"

if [[ "${SKIP_POSTGRES:-0}" != 1 ]]; then
    PG_CONN=${FOLLOWUP_TEST_POSTGRES:-}
    if [[ -z "$PG_CONN" ]]; then
        PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
        [[ -x "$PG_BIN/initdb" ]] || die "no PostgreSQL: set FOLLOWUP_TEST_POSTGRES or install postgresql (or SKIP_POSTGRES=1)"
        PG_DATA="$WORK/pg"; mkdir -p "$PG_DATA"; chmod 755 "$WORK"
        [[ $EUID -eq 0 ]] && chown postgres:postgres "$PG_DATA"
        PG_PORT=$(free_port 55532)
        as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
        # Default durability settings (fsync on, synchronous_commit on): the point is to test them.
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -t 60 -l "$PG_DATA/server.log" -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DATA -c max_connections=300" start >/dev/null \
            || { cat "$PG_DATA/server.log" >&2; die "PostgreSQL did not start"; }
        PG_CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
        say "throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
    fi
    run_case postgres "" "ConnectionStrings__FollowUp=$PG_CONN"
fi

echo
echo "== durability.sh $(date -u +%Y-%m-%dT%H:%MZ), $SAVES saves, $PARALLEL in parallel, SIGKILL after $KILL_AFTER answers, load average $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$WORK/results"
awk '{for (i = 1; i <= NF; i++) if ($i ~ /^lost=/) { split($i, a, "="); lost += a[2] }} END { print "total lost: " lost (lost == 0 ? " (target 0: met)" : " (target 0: MISSED)"); exit lost > 0 }' "$WORK/results"
