#!/usr/bin/env python3
"""Writes ../calendar.json (what GET /me/calendarView answers) from calendar.source.json (what the events say).

The source holds each event's facts and its author's text as an HTML fragment; this script adds what Graph and
Outlook add around them, so that the sample weighs what a real mailbox weighs:
- every property Graph v1.0 returns for an event when no $select is given, in Graph's order;
- changeKey/@odata.etag, iCalUId and webLink shaped like Exchange's (derived from the id, so they are stable);
- the body as Outlook stores it: an HTML document with the meta tags and the Outlook style block, one
  <div class="elementToProof"> per paragraph, and for Teams meetings the Teams join block (classic
  2021-2023 layout with Meeting ID, Passcode, Download Teams, Learn More, Meeting options);
- location mirrored in locations, onlineMeeting/onlineMeetingProvider for Teams meetings, and bodyPreview
  (the first 255 characters of the text body, without link addresses, as Graph writes it).

Run: python3 generate.py   (no arguments; deterministic, so re-running changes nothing)
"""
import base64
import hashlib
import html
import json
import re
import urllib.parse
import uuid
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "calendar.source.json"
TARGET = HERE.parent / "calendar.json"

# The mailbox's store key: the first 16 bytes of every changeKey in one mailbox are the same.
STORE_KEY = bytes.fromhex("6cb6fb2d1ec97dabbc919328b1c9ba43")
TENANT = "72fbe67f-2c1b-4f0e-9a7d-f69cb7b379d4"

FONT = "font-family:Aptos,Aptos_EmbeddedFont,Aptos_MSFontService,Calibri,Helvetica,sans-serif; font-size:12pt; color:rgb(0,0,0)"
TEAMS_FONT = "'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif"
LINK_STYLE = f"font-size:14px; text-decoration:underline; color:#6264a7; font-family:{TEAMS_FONT}"
RULE = '<div style="width:100%; height:20px"><span style="white-space:nowrap; color:#5F5F5F; opacity:.36">' + "_" * 80 + "</span>\r\n</div>"


def digest(*parts: str) -> bytes:
    return hashlib.sha256("|".join(parts).encode()).digest()


def guid(*parts: str) -> str:
    return str(uuid.UUID(bytes=digest(*parts)[:16], version=4))


def change_key(event) -> str:
    return base64.b64encode(STORE_KEY + digest(event["id"], event["lastModifiedDateTime"])[:6]).decode()


def ical_uid(event) -> str:
    """Outlook's global object id: class id, instance date 0, FILETIME of creation, reserved, size, GUID."""
    created = datetime.strptime(event["createdDateTime"][:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
    filetime = int((created - datetime(1601, 1, 1, tzinfo=timezone.utc)).total_seconds() * 10_000_000)
    series = event.get("seriesMasterId") or event["id"]
    return ("040000008200E00074C5B7101A82E008" + "00000000" + filetime.to_bytes(8, "little").hex().upper()
            + "0000000000000000" + "10000000" + digest(series, "uid")[:16].hex().upper())


def web_link(event_id: str) -> str:
    # Graph ids use '-' and '_' for base64's '/' and '+'; OWA links carry the standard alphabet, percent-encoded.
    standard = event_id.replace("-", "/").replace("_", "+")
    return f"https://outlook.live.com/owa/?itemid={urllib.parse.quote(standard, safe='')}&exvsurl=1&path=/calendar/item"


def paragraphs(fragment: str) -> str:
    """The author's paragraphs as Outlook on the web writes them: a styled div each, a <br> div between."""
    div = f'<div class="elementToProof" style="{FONT}">'
    parts = []
    for m in re.finditer(r"<p(?: [^>]*)?>(.*?)</p>|<ul>(.*?)</ul>|<div>(.*)</div>", fragment, re.S):
        if m.group(1) is not None:
            parts.append(f"{div}{m.group(1)}</div>")
        elif m.group(2) is not None:
            items = re.findall(r"<li>(.*?)</li>", m.group(2), re.S)
            parts.append('<ul style="margin-top:0px; margin-bottom:0px; list-style-type:disc">\r\n'
                         + "\r\n".join(f'<li style="{FONT}">\r\n<div role="presentation" class="elementToProof">{i}</div>\r\n</li>' for i in items)
                         + "\r\n</ul>")
        else:
            parts.append(paragraphs(m.group(3)))
    return f"\r\n{div}<br>\r\n</div>\r\n".join(parts)


def teams_block(event, teams) -> tuple[str, str]:
    thread = base64.b64encode(guid(event["id"], "thread").encode()).decode().rstrip("=")
    organizer = guid(event["organizer"]["emailAddress"]["address"], "oid")
    # Teams writes the context with lower-case escapes: %7b%22Tid%22%3a%22...%22%7d
    context = re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(),
                     urllib.parse.quote(json.dumps({"Tid": TENANT, "Oid": organizer}, separators=(",", ":")), safe=""))
    join = f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{thread}%40thread.v2/0?context={context}"
    options = (f"https://teams.microsoft.com/meetingOptions/?organizerId={organizer}&amp;tenantId={TENANT}"
               f"&amp;threadId=19_meeting_{thread}@thread.v2&amp;messageId=0&amp;language=en-US")
    mid = teams["meetingId"]
    spaced = " ".join(mid[i:i + 3] for i in range(0, len(mid), 3))
    lines = [
        RULE,
        f'<div class="me-email-text" lang="en-US" style="color:#252424; font-family:{TEAMS_FONT}">',
        '<div style="margin-top:24px; margin-bottom:20px"><span style="font-size:24px; color:#252424">Microsoft Teams meeting</span>',
        "</div>",
        '<div style="margin-bottom:20px">',
        '<div style="margin-top:0px; margin-bottom:0px; font-weight:bold"><span style="font-size:14px; color:#252424">Join on your computer, mobile app or room device</span>',
        "</div>",
        f'<a href="{join}" class="me-email-headline" style="font-size:14px; font-family:\'Segoe UI Semibold\',{TEAMS_FONT}; text-decoration:underline; color:#6264a7">Click here to join the meeting</a> </div>',
        '<div style="margin-bottom:20px; margin-top:20px">',
        f'<div style="margin-bottom:4px"><span data-tid="meeting-code" style="font-size:14px; color:#252424">Meeting ID: <span style="font-size:16px; color:#252424">{spaced}</span> </span><br>',
        f'<span style="font-size:14px; color:#252424">Passcode: </span><span style="font-size:16px; color:#252424">{teams["passcode"]} </span>',
        f'<div style="font-size:14px"><a href="https://www.microsoft.com/en-us/microsoft-teams/download-app" class="me-email-link" style="{LINK_STYLE}">Download Teams</a> | <a href="https://www.microsoft.com/microsoft-teams/join-a-meeting" class="me-email-link" style="{LINK_STYLE}">Join on the web</a></div>',
        "</div>",
        "</div>",
        f'<div style="margin-bottom:24px; margin-top:20px"><a href="https://aka.ms/JoinTeamsMeeting" class="me-email-link" style="{LINK_STYLE}">Learn More</a> | <a href="{options}" class="me-email-link" style="{LINK_STYLE}">Meeting options</a> </div>',
        "</div>",
        f'<div style="font-size:14px; margin-bottom:4px; font-family:{TEAMS_FONT}">',
        "</div>",
        '<div style="font-size:12px"></div>',
        "</div>",
        RULE,
        "<div></div>",
    ]
    return "\r\n".join(lines), join


def zoom_block(event, zoom, join) -> str:
    """What the Zoom scheduler adds to an invite, below the sender's own text."""
    number = join.rsplit("/", 1)[1]
    spaced = f"{number[:3]} {number[3:7]} {number[7:]}"
    host = urllib.parse.urlparse(join).netloc
    name = event["organizer"]["emailAddress"]["name"]
    rows = [
        f"{name} is inviting you to a scheduled Zoom meeting.", "<br>", "Join Zoom Meeting", f'<a href="{join}">{join}</a>', "<br>",
        f"Meeting ID: {spaced}", f"Passcode: {zoom['passcode']}", "<br>", "---", "<br>", "One tap mobile",
        f"+16465588656,,{number}#,,,,*{zoom['passcode']}# US (New York)", f"+13017158592,,{number}#,,,,*{zoom['passcode']}# US (Washington DC)", "<br>", "---", "<br>",
        "Dial by your location", "• +1 646 558 8656 US (New York)", "• +1 301 715 8592 US (Washington DC)", "• +1 312 626 6799 US (Chicago)",
        f"Meeting ID: {spaced}", f"Find your local number: <a href=\"https://{host}/u/kd2GvXq7Rt\">https://{host}/u/kd2GvXq7Rt</a>", "<br>",
    ]
    return "\r\n".join(f'<div class="elementToProof" style="{FONT}">{r}</div>' for r in rows)


def document(inner: str, outlook: bool) -> str:
    head = '<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n'
    if outlook:
        head += ('<style type="text/css" style="display:none">\r\n<!--\r\np\r\n\t{margin-top:0;\r\n\tmargin-bottom:0}\r\n-->\r\n</style>\r\n'
                 '</head>\r\n<body dir="ltr">\r\n')
    else:
        head += "</head>\r\n<body>\r\n"
    return head + inner + "\r\n</body>\r\n</html>\r\n"


BLOCK = {"p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr"}


def text_of(markup: str, links: bool) -> str:
    """Exchange's HTML-to-text: a line per block and <br>, links as text<address>, whitespace folded."""
    markup = re.sub(r"<head>.*?</head>|<style.*?</style>|<!--.*?-->", "", markup, flags=re.S | re.I)
    lines, line, href = [], "", []
    for token in re.split(r"(<[^>]+>)", markup):
        if token.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", token)
            name = name.group(1).lower() if name else ""
            closing = token.startswith("</")
            if name == "br":
                lines.append(line); line = ""
            elif name in BLOCK:
                if line.strip():
                    lines.append(line); line = ""
            elif name == "a" and not closing:
                m = re.search(r'href="([^"]*)"', token)
                href.append(html.unescape(m.group(1)) if m else None)
            elif name == "a" and closing and href:
                target = href.pop()
                if links and target:
                    line += f"<{target}>"
        else:
            line += re.sub(r"\s+", " ", html.unescape(token)).replace("\u00a0", " ")
    lines.append(line)
    return "\r\n".join(l.strip() for l in lines).strip()


ORDER = ["@odata.etag", "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "transactionId",
         "originalStartTimeZone", "originalEndTimeZone", "iCalUId", "reminderMinutesBeforeStart", "isReminderOn",
         "hasAttachments", "subject", "bodyPreview", "importance", "sensitivity", "isAllDay", "isCancelled", "isOrganizer",
         "responseRequested", "seriesMasterId", "showAs", "type", "webLink", "onlineMeetingUrl", "isOnlineMeeting",
         "onlineMeetingProvider", "allowNewTimeProposals", "occurrenceId", "isDraft", "hideAttendees", "responseStatus",
         "body", "start", "end", "location", "locations", "recurrence", "attendees", "organizer", "onlineMeeting"]


def location_of(event):
    source = event.get("location")
    if not source:
        return {"displayName": "", "locationType": "default", "uniqueIdType": "unknown", "address": {}, "coordinates": {}}, []
    name = source["displayName"]
    if source.get("locationType") == "conferenceRoom":
        room = next(a["emailAddress"] for a in event["attendees"] if a["type"] == "resource")
        place = {"displayName": name, "locationUri": room["address"], "locationType": "conferenceRoom",
                 "uniqueId": room["address"], "uniqueIdType": "directory"}
    else:
        place = {"displayName": name, "locationType": "default", "uniqueId": name, "uniqueIdType": "private"}
    return {**place, "address": {}, "coordinates": {}}, [{**place, "address": {}, "coordinates": {}}]


def build(source) -> dict:
    e = dict(source)
    fragment = e.pop("html")
    teams, zoom = e.pop("teams", None), e.pop("zoom", None)
    external = e["organizer"]["emailAddress"]["address"].endswith("@calendly.com")
    inner = fragment if external else paragraphs(fragment)
    join = None
    if teams:
        block, join = teams_block(e, teams)
        inner += f'\r\n<div class="elementToProof" style="{FONT}"><br>\r\n</div>\r\n' + block
    if zoom:
        zoom_url = re.search(r'href="(https://[^"]*zoom\.us/j/[^"]*)"', fragment).group(1)
        inner += f'\r\n<div class="elementToProof" style="{FONT}"><br>\r\n</div>\r\n' + zoom_block(e, zoom, zoom_url)
    content = document(inner, outlook=not external)
    key = change_key(e)
    location, locations = location_of(e)
    e.update({
        "@odata.etag": f'W/"{key}"', "changeKey": key, "transactionId": None, "iCalUId": ical_uid(e),
        "bodyPreview": text_of(content, links=False)[:255], "webLink": web_link(e["id"]), "onlineMeetingUrl": None,
        "isOnlineMeeting": bool(teams), "onlineMeetingProvider": "teamsForBusiness" if teams else "unknown",
        "occurrenceId": None, "body": {"contentType": "html", "content": content},
        "location": location, "locations": locations, "onlineMeeting": {"joinUrl": join} if join else None,
    })
    missing = [k for k in ORDER if k not in e]
    if missing:
        raise SystemExit(f"{e['id']}: source lacks {missing}")
    return {k: e[k] for k in ORDER}


def main():
    source = json.loads(SOURCE.read_text(encoding="utf-8"))
    out = {k: v for k, v in source.items() if k != "value"}
    out["value"] = [build(e) for e in source["value"]]
    TARGET.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{TARGET.name}: {len(out['value'])} events, {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
