using System.Text.Json.Nodes;
using System.Web;
using FollowUp.Api.Calendar;
using FollowUp.Api.Tests.Infrastructure;
using FollowUp.Domain.Calendar;

namespace FollowUp.Api.Tests.Calendar;

public class GraphCalendarSourceTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 12, 9, 0, 0, 0, TimeSpan.Zero);

    private static JsonObject Event(string id, string subject, bool cancelled = false, string response = "accepted") => new()
    {
        ["id"] = id,
        ["subject"] = subject,
        ["body"] = new JsonObject { ["contentType"] = "text", ["content"] = "See you then." },
        ["start"] = new JsonObject { ["dateTime"] = "2026-11-24T15:00:00.0000000", ["timeZone"] = "UTC" },
        ["end"] = new JsonObject { ["dateTime"] = "2026-11-24T16:00:00.0000000", ["timeZone"] = "UTC" },
        ["isCancelled"] = cancelled,
        ["responseStatus"] = new JsonObject { ["response"] = response, ["time"] = "2026-11-20T10:00:00Z" },
        ["organizer"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Sarah Chen", ["address"] = "sarah.chen@contoso.com" } },
        ["attendees"] = new JsonArray(new JsonObject
        {
            ["type"] = "resource",
            ["status"] = new JsonObject { ["response"] = "accepted" },
            ["emailAddress"] = new JsonObject { ["name"] = "Conf Room 4B", ["address"] = "room4b@contoso.com" },
        }),
    };

    /// <summary>Three pages, chained by @odata.nextLink as Graph does.</summary>
    private static RecordingGraph ThreePages() => new((request, call) =>
    {
        var page = new JsonObject { ["value"] = new JsonArray(Event($"e{call}a", $"Event {call}a"), Event($"e{call}b", $"Event {call}b", cancelled: call == 1, response: call == 2 ? "declined" : "accepted")) };
        if (call < 2) page["@odata.nextLink"] = $"https://graph.microsoft.com/v1.0/me/calendarView?startDateTime=2026-11-11T00:00:00Z&endDateTime=2026-12-09T00:00:00Z&$top=2&$skip={(call + 1) * 2}";
        return RecordingGraph.Json(page.ToJsonString());
    });

    [Fact]
    public async Task Every_page_is_followed_and_every_event_returned()
    {
        var graph = ThreePages();
        var events = await new GraphCalendarSource(graph.Client()).GetWindowAsync(From, To, default);
        Assert.Equal(3, graph.Requests.Count);
        Assert.Equal(["e0a", "e0b", "e1a", "e1b", "e2a", "e2b"], events.Select(e => e.Id));
    }

    [Fact]
    public async Task Every_page_keeps_the_utc_time_zone_preference()
    {
        var graph = ThreePages();
        await new GraphCalendarSource(graph.Client()).GetWindowAsync(From, To, default);
        Assert.All(graph.Requests, r => Assert.Contains(r.Headers.GetValues("Prefer"), v => v == "outlook.timezone=\"UTC\""));
        Assert.All(graph.Requests, r => Assert.Contains(r.Headers.GetValues("Prefer"), v => v == "outlook.body-content-type=\"text\""));
    }

    [Fact]
    public async Task The_first_request_asks_calendarView_for_the_window_with_exactly_the_fields_used()
    {
        var graph = ThreePages();
        await new GraphCalendarSource(graph.Client()).GetWindowAsync(From, To, default);
        var first = graph.Requests[0].RequestUri!;
        Assert.Equal("/v1.0/me/calendarView", first.AbsolutePath);
        var query = HttpUtility.ParseQueryString(first.Query);
        Assert.Equal("2026-11-11T00:00:00Z", query["startDateTime"]);
        Assert.Equal("2026-12-09T00:00:00Z", query["endDateTime"]);
        Assert.Equal(string.Join(',', GraphCalendarSource.Select), query["$select"]);
        Assert.Equal(
            "id,subject,bodyPreview,start,end,location,organizer,attendees,isCancelled,isOrganizer,responseStatus,originalStartTimeZone",
            query["$select"]);
        Assert.Equal(GraphCalendarSource.PageSize.ToString(), query["$top"]);
    }

    [Fact]
    public async Task The_body_is_read_from_its_preview_as_graph_answers_the_selected_fields()
    {
        // As Graph answers the $select: bodyPreview, no body.
        var graph = new RecordingGraph((request, call) =>
        {
            var e = Event("p1", "Interview: Data Engineer");
            e.Remove("body");
            e["bodyPreview"] = "Hi Alex, you will meet Priya Raman and Tom Becker.";
            return RecordingGraph.Json(new JsonObject { ["value"] = new JsonArray(e) }.ToJsonString());
        });
        var read = Assert.Single(await new GraphCalendarSource(graph.Client()).GetWindowAsync(From, To, default));
        Assert.Equal("Hi Alex, you will meet Priya Raman and Tom Becker.", read.BodyText);
    }

    [Fact]
    public async Task Cancelled_events_and_the_users_own_response_are_kept()
    {
        var events = await new GraphCalendarSource(ThreePages().Client()).GetWindowAsync(From, To, default);
        var cancelled = Assert.Single(events, e => e.IsCancelled);
        Assert.Equal("e1b", cancelled.Id);
        var declined = Assert.Single(events, e => e.UserResponse == ResponseKind.Declined);
        Assert.Equal("e2b", declined.Id);
        Assert.All(events, e => Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero), e.Start));
        Assert.All(events, e => Assert.Equal(AttendeeType.Resource, Assert.Single(e.Attendees).Type));
    }

    [Fact]
    public async Task Times_in_another_zone_are_read_as_the_right_instant()
    {
        // Graph's documented answer when a Pacific time zone was preferred.
        var fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "graph-fixtures", "events-select-prefer-pst.json"));
        var graph = new RecordingGraph((_, _) => RecordingGraph.Json(fixture));
        var e = Assert.Single(await new GraphCalendarSource(graph.Client()).GetWindowAsync(From, To, default));
        Assert.Equal("Orientation ", e.Subject);
        Assert.Equal(new DateTimeOffset(2017, 4, 21, 17, 0, 0, TimeSpan.Zero), e.Start); // 10:00 PDT
        Assert.Equal(TimeSpan.FromHours(2), e.End - e.Start);
    }

    [Fact]
    public async Task An_unknown_event_id_is_null_not_an_error()
    {
        var graph = new RecordingGraph((_, _) => RecordingGraph.Json(
            """{"error":{"code":"ErrorItemNotFound","message":"The specified object was not found in the store."}}""", System.Net.HttpStatusCode.NotFound));
        Assert.Null(await new GraphCalendarSource(graph.Client()).GetEventAsync("nope", default));
    }
}
