using System.Net;
using System.Text.Json.Nodes;
using FollowUp.Api.Demo;
using FollowUp.Api.Mail;
using FollowUp.Api.Tests.Infrastructure;
using FollowUp.Api.Tests.Mail;
using FollowUp.Domain.Text;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Api.Tests.FollowUps;

/// <summary>When to send, scheduling through Exchange's deferred send, and cancelling it.</summary>
public class LifecycleSendTimeTests
{
    private const string Ana = "/api/followups/EVT-PANEL/ana.ruiz@fabrikam.com";
    /// <summary>13:30 in Seattle on the test day (the panel's zone is Pacific).</summary>
    private static readonly DateTimeOffset Afternoon = new(2026, 11, 25, 21, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("EVT-TOKYO", "yuki.tanaka@tailspintoys.com", "Tokyo Standard Time")]
    [InlineData("EVT-BERLIN", "katrin.hoffmann@treyresearch.net", "W. Europe Standard Time")]
    [InlineData("EVT-NEWYORK", "elena.petrova@northwindtraders.com", "Eastern Standard Time")]
    [InlineData("EVT-SYDNEY", "noah.wilson@litware.com", "AUS Eastern Standard Time")]
    public async Task The_suggested_time_falls_in_the_interviewers_working_day(string eventId, string email, string zoneId)
    {
        await using var app = new FollowUpApiFactory("Lifecycle/calendar-zones.json");
        var client = app.CreateClient();
        var view = await (await client.GetAsync($"/api/followups/{eventId}/{email}/send-time")).ReadJsonAsync();
        var sendAt = DateTimeOffset.Parse((string)view["sendAt"]!);
        var zone = TimeZones.Find(zoneId)!;
        Assert.Equal(zone.GetUtcOffset(sendAt), TimeZones.Find((string)view["timeZone"]!)!.GetUtcOffset(sendAt));

        var interview = (await client.GetArrayAsync("/api/interviews?from=2026-11-20T00:00:00Z&to=2026-11-30T00:00:00Z")).ById(eventId);
        var end = DateTimeOffset.Parse((string)interview["end"]!);
        var local = TimeZoneInfo.ConvertTime(sendAt, zone);
        Assert.True(sendAt >= FollowUpApiFactory.TestNow, $"{sendAt} is in the past");
        Assert.True(sendAt - end >= TimeSpan.FromHours(2), $"{sendAt} is too soon after {end}");
        Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(8), TimeSpan.FromHours(18));
        Assert.NotEqual(DayOfWeek.Saturday, local.DayOfWeek);
        Assert.NotEqual(DayOfWeek.Sunday, local.DayOfWeek);
        Assert.NotEmpty(view["reasons"]!.AsArray());
    }

    [Fact]
    public async Task Without_the_events_time_zone_the_time_is_planned_in_utc_and_says_so()
    {
        await using var app = new FollowUpApiFactory("Lifecycle/calendar-zones.json");
        var view = await (await app.CreateClient().GetAsync("/api/followups/EVT-NOZONE/omar.haddad@proseware.com/send-time")).ReadJsonAsync();
        Assert.Equal("UTC", (string?)view["timeZone"]);
        Assert.Contains(view["reasons"]!.AsArray(), r => ((string)r!).Contains("UTC"));
    }

    [Fact]
    public async Task Send_time_for_an_unknown_interviewer_is_a_404()
    {
        await using var app = new FollowUpApiFactory("Lifecycle/calendar-zones.json");
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/followups/EVT-TOKYO/nobody@tailspintoys.com/send-time")).StatusCode);
    }

    private static JsonObject? Message(FollowUpApiFactory app) =>
        app.Services.GetRequiredService<SampleMailbox>().Messages.SingleOrDefault(m => m["singleValueExtendedProperties"] is JsonArray props
            && props.OfType<JsonObject>().Any(p => (string?)p["id"] == FollowUpTag.PropertyId));

    private static string? Property(JsonObject message, string id) =>
        (string?)message["singleValueExtendedProperties"]!.AsArray().OfType<JsonObject>().SingleOrDefault(p => (string?)p["id"] == id)?["value"];

    private static string StatusOf(JsonArray due, string email) =>
        (string)due.ById("EVT-PANEL")["interviewers"]!.AsArray().Single(p => (string?)p!["email"] == email)!["status"]!;

    [Fact]
    public async Task Scheduling_sets_the_deferred_send_time_and_sends_and_the_letter_counts_once_it_goes_out()
    {
        var recorder = new DemoGraphRecorder();
        await using var app = new FollowUpApiFactory().WithRecordedGraph(recorder);
        var client = app.CreateClient();
        var response = await client.PostJsonAsync(Ana + "/schedule", new { sendAt = Afternoon });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var message = Message(app)!;
        Assert.Equal("2026-11-25T21:30:00Z", Property(message, FollowUpTag.DeferredSendTime));
        Assert.False(message["isDraft"]!.GetValue<bool>());
        Assert.Equal(1, recorder.Count("PATCH", "/me/messages/"));
        Assert.Equal(1, recorder.Count("POST", "/send"));

        // Until its time, Exchange holds it: the follow-up stays drafted.
        Assert.Equal("drafted", StatusOf(await client.GetArrayAsync("/api/followups/due"), "ana.ruiz@fabrikam.com"));
        app.Clock.SetUtcNow(Afternoon.AddMinutes(5));
        var due = await client.GetArrayAsync("/api/followups/due");
        Assert.DoesNotContain(due.ById("EVT-PANEL")["interviewers"]!.AsArray(), p => (string?)p!["email"] == "ana.ruiz@fabrikam.com");
    }

    [Theory]
    [InlineData("2026-11-25T16:00:00Z")] // in the past
    [InlineData("2026-12-03T21:30:00Z")] // more than 7 days ahead
    [InlineData("2026-11-26T07:00:00Z")] // 23:00 in Seattle
    public async Task A_send_time_in_the_past_too_far_ahead_or_at_night_is_refused(string sendAt)
    {
        await using var app = new FollowUpApiFactory();
        var response = await app.CreateClient().PostJsonAsync(Ana + "/schedule", new { sendAt = DateTimeOffset.Parse(sendAt) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(Message(app));
    }

    [Fact]
    public async Task A_letter_no_longer_owed_is_not_scheduled()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        await client.PutJsonAsync("/api/followups/EVT-PANEL/ana.ruiz@fabrikam.com/status", new { status = "sent" });
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostJsonAsync(Ana + "/schedule", new { sendAt = Afternoon })).StatusCode);
    }

    [Fact]
    public async Task A_letter_with_etiquette_errors_is_not_sent_and_the_findings_say_why()
    {
        await using var app = new FollowUpApiFactory();
        var response = await app.CreateClient().PostJsonAsync(Ana + "/schedule", new
        {
            sendAt = Afternoon, subject = "Thank you", htmlBody = "<p>Thank you, Ana! Here is a $25 gift card for a coffee on me.</p>",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains(problem["findings"]!.AsArray(), f => (string?)f!["severity"] == "error");
        Assert.True(Message(app)?["isDraft"]?.GetValue<bool>() ?? true, "nothing may be sent");
    }

    [Fact]
    public async Task Cancelling_deletes_the_held_letter_and_it_is_due_again()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        await client.PostJsonAsync(Ana + "/schedule", new { sendAt = Afternoon });
        Assert.NotNull(Message(app));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(Ana + "/schedule")).StatusCode);
        Assert.Null(Message(app));
        Assert.Equal("due", StatusOf(await client.GetArrayAsync("/api/followups/due"), "ana.ruiz@fabrikam.com"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(Ana + "/schedule")).StatusCode);
    }

    [Fact]
    public async Task A_letter_already_sent_cannot_be_cancelled()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        await client.PostJsonAsync(Ana + "/schedule", new { sendAt = Afternoon });
        app.Clock.SetUtcNow(Afternoon.AddMinutes(1));
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync(Ana + "/schedule")).StatusCode);
        Assert.NotNull(Message(app));
    }
}
