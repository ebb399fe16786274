using System.Text.Json.Nodes;
using FollowUp.Api.Calendar;
using FollowUp.Api.Demo;
using Microsoft.Extensions.Time.Testing;

namespace FollowUp.Api.Tests.Demo;

/// <summary>The shipped sample answers calendarView the way Graph does, so byte counts and text bodies are real ones.</summary>
public class DemoGraphShapeTests
{
    private static readonly string[] GraphEventProperties =
    [
        "@odata.etag", "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "transactionId",
        "originalStartTimeZone", "originalEndTimeZone", "iCalUId", "reminderMinutesBeforeStart", "isReminderOn",
        "hasAttachments", "subject", "bodyPreview", "importance", "sensitivity", "isAllDay", "isCancelled", "isOrganizer",
        "responseRequested", "seriesMasterId", "showAs", "type", "webLink", "onlineMeetingUrl", "isOnlineMeeting",
        "onlineMeetingProvider", "allowNewTimeProposals", "occurrenceId", "isDraft", "hideAttendees", "responseStatus",
        "body", "start", "end", "location", "locations", "recurrence", "attendees", "organizer", "onlineMeeting",
    ];

    private static readonly DateTimeOffset Anchor = new(2026, 11, 25, 17, 0, 0, TimeSpan.Zero);

    private static async Task<JsonArray> CalendarViewAsync(string query, params string[] prefer)
    {
        var clock = new FakeTimeProvider(Anchor);
        using var graph = new HttpMessageInvoker(new DemoGraphHandler(SampleMailbox.Load(null, null, clock), clock));
        using var request = new HttpRequestMessage(HttpMethod.Get,
            "https://graph.microsoft.com/v1.0/me/calendarView?startDateTime=2026-11-01T00:00:00Z&endDateTime=2026-12-31T00:00:00Z&$top=100" + query);
        foreach (var p in prefer) request.Headers.TryAddWithoutValidation("Prefer", p);
        using var response = await graph.SendAsync(request, default);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.AsArray();
    }

    [Fact]
    public async Task Unselected_events_carry_every_property_graph_returns()
    {
        var events = await CalendarViewAsync("");
        Assert.Equal(37, events.Count);
        foreach (var e in events.Select(e => e!.AsObject()))
        {
            Assert.Equal(GraphEventProperties, e.Select(p => p.Key));
            Assert.Equal($"W/\"{(string?)e["changeKey"]}\"", (string?)e["@odata.etag"]);
            Assert.StartsWith("<html>", (string?)e["body"]!["content"]);
            Assert.Equal(((string?)e["location"]!["displayName"]) is { Length: > 0 } ? 1 : 0, e["locations"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task A_selected_answer_holds_only_the_selected_properties_with_id_and_etag()
    {
        var events = await CalendarViewAsync("&$select=subject,webLink");
        Assert.All(events, e => Assert.Equal(["@odata.etag", "id", "subject", "webLink"], e!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task Text_bodies_keep_the_teams_join_link_after_its_text_as_graph_writes_it()
    {
        var events = await CalendarViewAsync("&$select=id,location,body", "outlook.timezone=\"UTC\"", "outlook.body-content-type=\"text\"");
        var teams = events.Where(e => ((string?)e!["location"]!["displayName"])?.StartsWith("Microsoft Teams", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(teams);
        foreach (var e in teams)
        {
            Assert.Equal("text", (string?)e!["body"]!["contentType"]);
            var text = (string)e["body"]!["content"]!;
            Assert.Contains("Click here to join the meeting<https://teams.microsoft.com/l/meetup-join/", text);
            Assert.DoesNotContain("<div", text);
            Assert.DoesNotContain("margin-bottom", text);
        }
    }

    [Fact]
    public void Html_turns_into_lines_with_links_after_their_text()
    {
        const string html = "<html><head><style>p {margin:0}</style></head><body><div>Hi  Jordan,</div><div><br></div>"
            + "<div>Join: <a href=\"https://example.com/j?a=1&amp;b=2\">the call</a></div>\r\n<div>Tom &amp; Ana</div></body></html>";
        Assert.Equal("Hi Jordan,\r\n\r\nJoin: the call<https://example.com/j?a=1&b=2>\r\nTom & Ana", GraphTextBody.FromHtml(html));
    }
}
