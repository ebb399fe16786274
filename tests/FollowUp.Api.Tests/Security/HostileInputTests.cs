using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FollowUp.Api.Tests.Infrastructure;

namespace FollowUp.Api.Tests.Security;

/// <summary>
/// Hostile values (Data/hostile-strings.json) through every text field of calendar events and of requests:
/// never a 5xx, letters hold only encoded text in p/br/a/strong/em with https links, notes come back byte-identical.
/// </summary>
public partial class HostileInputTests : IDisposable
{
    private const string Window = "from=2026-11-10T00:00:00Z&to=2026-12-05T00:00:00Z";
    private static readonly HashSet<string> AllowedTags = ["p", "br", "a", "strong", "em"];
    private readonly List<string> _files = [];

    public static IReadOnlyList<(string Name, string Value)> Corpus { get; } = Load();

    private static List<(string, string)> Load()
    {
        var json = JsonNode.Parse(File.ReadAllText(TestData.Path("hostile-strings.json")))!;
        return json["values"]!.AsArray().Select(v => ((string)v!["name"]!,
            v["repeat"] is { } repeat ? string.Concat(Enumerable.Repeat((string)repeat!, (int)v["times"]!)) : (string)v["value"]!)).ToList();
    }

    [Fact]
    public void The_corpus_covers_each_kind_of_attack()
    {
        var all = string.Concat(Corpus.Select(c => c.Value));
        foreach (var needle in new[] { "<script", "onerror=", "javascript:", "data:text/html", "<!--", "<![CDATA[", "\u202e", "\u200b", "DROP TABLE", "\r\n" })
            Assert.Contains(needle, all, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Corpus, c => c.Value.Length >= 100 * 1024);
    }

    /// <summary>A calendar with one interview per hostile value, the value in every text field of the event.</summary>
    private string HostileCalendar()
    {
        var calendar = JsonNode.Parse(File.ReadAllText(TestData.Path("calendar.json")))!.AsObject();
        var template = calendar["value"]!.AsArray().OfType<JsonObject>().Single(e => (string?)e["id"] == "EVT-PANEL");
        var events = new JsonArray();
        for (var i = 0; i < Corpus.Count; i++)
        {
            var h = Corpus[i].Value;
            var e = template.DeepClone().AsObject();
            e["id"] = $"EVT-HOSTILE-{i}";
            e["subject"] = $"Interview - {h} - Fabrikam - {h}";
            e["bodyPreview"] = h;
            e["body"] = new JsonObject { ["contentType"] = "html", ["content"] = $"<html><body><div>{h}</div><p onclick=\"x\">{h}</p></body></html>" };
            e["location"] = new JsonObject { ["displayName"] = h };
            e["organizer"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = h, ["address"] = h } };
            e["webLink"] = h;
            e["originalStartTimeZone"] = h;
            var attendees = e["attendees"]!.AsArray();
            foreach (var a in attendees.OfType<JsonObject>())
                if ((string?)a["emailAddress"]!["address"] != "jordan.rivera@outlook.com") a["emailAddress"]!["name"] = h;
            attendees.Add(new JsonObject
            {
                ["type"] = "required",
                ["status"] = new JsonObject { ["response"] = "accepted", ["time"] = "2026-11-20T10:00:00Z" },
                ["emailAddress"] = new JsonObject { ["name"] = h, ["address"] = h },
            });
            events.Add(e);
            // The value as the event id too (ids travel in URLs and keys).
            var byId = e.DeepClone().AsObject();
            byId["id"] = h;
            events.Add(byId);
        }
        calendar["value"] = events;
        var file = Path.Combine(Path.GetTempPath(), $"hostile-calendar-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, calendar.ToJsonString());
        _files.Add(file);
        return file;
    }

    public void Dispose()
    {
        foreach (var file in _files) File.Delete(file);
    }

    private static async Task<HttpResponseMessage> NoServerError(Task<HttpResponseMessage> call, string what)
    {
        var response = await call;
        Assert.True((int)response.StatusCode < 500, $"{what} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if ((int)response.StatusCode >= 400)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return response;
    }

    /// <summary>A value as a URL path segment; NUL never reaches the app (Kestrel and the test server refuse %00 in paths).</summary>
    private static string? InPath(string value) => value.Contains('\0') ? null : Uri.EscapeDataString(value);

    [GeneratedRegex("""\G<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/"']+(?:="[^"<>]*")?)*)\s*/?>""")]
    private static partial Regex Tag();

    [GeneratedRegex("""([^\s=]+)(?:="([^"]*)")?""")]
    private static partial Regex Attribute();

    /// <summary>Every '&lt;' opens an allowed tag; no on* attributes; links only https.</summary>
    internal static void AssertSafeLetterHtml(string html, string what)
    {
        for (var i = html.IndexOf('<'); i >= 0; i = html.IndexOf('<', i + 1))
        {
            var tag = Tag().Match(html, i);
            Assert.True(tag.Success, $"{what}: raw '<' at {i}: {html.Substring(i, Math.Min(60, html.Length - i))}");
            var name = tag.Groups[2].Value.ToLowerInvariant();
            Assert.True(AllowedTags.Contains(name), $"{what}: tag <{name}>");
            foreach (Match attribute in Attribute().Matches(tag.Groups[3].Value))
            {
                var attr = attribute.Groups[1].Value.ToLowerInvariant();
                Assert.True(name == "a" && attr == "href", $"{what}: attribute {attr} on <{name}>");
                var href = WebUtility.HtmlDecode(attribute.Groups[2].Value);
                Assert.True(Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps, $"{what}: href {href}");
            }
        }
    }

    private static void AssertSafeDraft(JsonNode draft, string what)
    {
        AssertSafeLetterHtml((string)draft["htmlBody"]!, what);
        var subject = (string)draft["subject"]!;
        Assert.False(subject.Contains('\r') || subject.Contains('\n'), $"{what}: line break in subject");
    }

    [Fact]
    public async Task Hostile_calendar_events_never_break_the_api_nor_the_letters()
    {
        await using var app = new FollowUpApiFactory(HostileCalendar()).With("RateLimiting:PerUserPerMinute", "100000");
        var client = app.CreateClient();
        await NoServerError(client.GetAsync($"/api/interviews?{Window}"), "interviews");
        await NoServerError(client.GetAsync($"/api/followups/due?{Window}"), "due");
        for (var i = 0; i < Corpus.Count; i++)
        {
            var (name, value) = Corpus[i];
            foreach (var eventId in new[] { $"EVT-HOSTILE-{i}", value })
            {
                foreach (var email in new[] { "ana.ruiz@fabrikam.com", value })
                {
                    var response = await NoServerError(client.PostJsonAsync("/api/drafts", new { eventId, interviewerEmail = email, notes = "she knits" }), $"draft {name}");
                    if (response.StatusCode == HttpStatusCode.OK) AssertSafeDraft(await response.ReadJsonAsync(), $"draft for event with {name}");
                }
                if (InPath(eventId) is { } segment)
                    await NoServerError(client.PutJsonAsync($"/api/followups/{segment}/ana.ruiz%40fabrikam.com/status", new { status = "drafted" }), $"status {name}");
            }
        }
        await NoServerError(client.GetAsync($"/api/interviews?{Window}"), "interviews after");
        await NoServerError(client.GetAsync("/api/me/data"), "export after");
    }

    [Fact]
    public async Task Hostile_request_fields_never_break_the_api_and_notes_come_back_byte_identical()
    {
        await using var app = new FollowUpApiFactory().With("RateLimiting:PerUserPerMinute", "100000");
        var client = app.CreateClient();
        var saved = new Dictionary<string, string>();
        string[] panel = ["ana.ruiz@fabrikam.com", "ben.okafor@fabrikam.com", "chloe.martin@fabrikam.com"];
        for (var i = 0; i < Corpus.Count; i++)
        {
            var (name, h) = Corpus[i];
            var email = panel[i % panel.Length];
            // Each text field of a draft request in turn.
            var drafts = new object[]
            {
                new { eventId = "EVT-PANEL", interviewerEmail = email, notes = h, senderName = h, giftUrl = h, timeZone = h },
                new { eventId = "EVT-PANEL", interviewerEmail = email, notes = "she knits " + h, giftUrl = h },
                new { eventId = h, interviewerEmail = email, notes = "she knits" },
                new { eventId = "EVT-PANEL", interviewerEmail = h, notes = "she knits" },
                new { eventId = "item:hostile", interviewerEmail = "x@fabrikam.com", notes = "she knits", senderName = h,
                      @event = new { subject = "Interview " + h, start = "2026-11-24T14:00:00Z", end = "2026-11-24T15:00:00Z", location = h, body = h,
                                     organizer = new { name = h, email = h }, attendees = new[] { new { name = h, email = "x@fabrikam.com", type = h } } } },
            };
            foreach (var body in drafts)
            {
                var response = await NoServerError(client.PostJsonAsync("/api/drafts", body), $"draft with {name}");
                if (response.StatusCode == HttpStatusCode.OK) AssertSafeDraft(await response.ReadJsonAsync(), $"draft with {name}");
            }
            if (h.Length <= 4000)
            {
                var keep = await NoServerError(client.PostJsonAsync("/api/drafts", new { eventId = "EVT-PANEL", interviewerEmail = email, notes = h }), $"notes {name}");
                Assert.Equal(HttpStatusCode.OK, keep.StatusCode);
                saved[email] = h;
            }
            await NoServerError(client.PostJsonAsync("/api/interests/extract", new { notes = h }), $"extract {name}");
            await NoServerError(client.GetAsync($"/api/gifts?interest={Uri.EscapeDataString(h)}"), $"gifts {name}");
            if (InPath(h) is { } segment)
                await NoServerError(client.PutJsonAsync($"/api/followups/EVT-PANEL/{segment}/status", new { status = h }), $"status value {name}");
            await NoServerError(client.PostJsonAsync("/api/interviews/resolve", new
            {
                eventId = h, subject = h, start = "2026-11-24T14:00:00Z", end = "2026-11-24T15:00:00Z", location = h, body = h,
                organizer = new { name = h, email = h }, attendees = new[] { new { name = h, email = h, type = h } },
            }), $"resolve {name}");
            await NoServerError(client.GetAsync($"/api/interviews?from={Uri.EscapeDataString(h)}"), $"window {name}");

            // Stored notes come back exactly as sent.
            var export = await (await NoServerError(client.GetAsync("/api/me/data"), "export")).ReadJsonAsync();
            foreach (var (who, notes) in saved)
            {
                var stored = (string?)export["followUps"]!.AsArray().Single(f => (string?)f!["eventId"] == "EVT-PANEL" && (string?)f!["interviewerEmail"] == who)!["notes"];
                Assert.True(notes == stored, $"notes for {who} after {name} differ");
            }
        }
    }

    [Fact]
    public void The_letter_check_rejects_what_it_must()
    {
        AssertSafeLetterHtml("""<p>Hi <strong>Ana</strong>,<br>see <a href="https://en.wikipedia.org/wiki/Knitting?a=1&amp;b=2">this</a> &lt;script&gt;</p>""", "good");
        foreach (var bad in new[] { "<p><script>x</script></p>", "<p onclick=\"x\">a</p>", "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"http://x.example\">x</a>",
                     "<p>a < b</p>", "<!-- c -->", "<a href='https://x.example'>x</a>", "<img src=x>" })
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertSafeLetterHtml(bad, bad));
    }
}
