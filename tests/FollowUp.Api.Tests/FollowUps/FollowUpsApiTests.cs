using System.Net;
using System.Text.Json.Nodes;
using FollowUp.Api.Tests.Infrastructure;

namespace FollowUp.Api.Tests.FollowUps;

public class FollowUpsApiTests
{
    private const string Due = "/api/followups/due";

    [Fact]
    public async Task Due_follow_ups_are_ended_interviews_freshest_first()
    {
        await using var app = new FollowUpApiFactory();
        var due = await app.CreateClient().GetArrayAsync(Due);
        Assert.Equal(["EVT-PHONE", "EVT-PANEL", "EVT-HM"], due.Select(d => (string?)d!["eventId"]));
        Assert.Equal(3.0, (double)due[0]!["hoursSinceEnd"]!);
        Assert.Equal(25.0, (double)due[1]!["hoursSinceEnd"]!);
    }

    [Fact]
    public async Task Cancelled_declined_and_future_interviews_are_never_due()
    {
        await using var app = new FollowUpApiFactory();
        var ids = (await app.CreateClient().GetArrayAsync(Due)).Select(d => (string?)d!["eventId"]).ToList();
        Assert.DoesNotContain("EVT-CANCELLED", ids);
        Assert.DoesNotContain("EVT-DECLINED", ids);
        Assert.DoesNotContain("EVT-FUTURE", ids);
    }

    [Fact]
    public async Task A_follow_up_owed_for_more_than_twenty_hours_is_overdue()
    {
        await using var app = new FollowUpApiFactory();
        var due = await app.CreateClient().GetArrayAsync(Due);
        Assert.False((bool)due.ById("EVT-PHONE")["overdue"]!);
        Assert.True((bool)due.ById("EVT-PANEL")["overdue"]!);
    }

    [Fact]
    public async Task The_window_looks_back_fourteen_days_unless_told_otherwise()
    {
        await using var app = new FollowUpApiFactory();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var client = app.CreateClient();
        Assert.DoesNotContain("EVT-HM", (await client.GetArrayAsync(Due)).Select(d => (string?)d!["eventId"]));
        Assert.Contains("EVT-HM", (await client.GetArrayAsync(Due + "?from=2026-11-15T00:00:00Z")).Select(d => (string?)d!["eventId"]));
    }

    [Fact]
    public async Task A_sent_or_dismissed_letter_leaves_only_the_interviewers_still_owed()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutJsonAsync("/api/followups/EVT-PANEL/ana.ruiz@fabrikam.com/status", new { status = "sent" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutJsonAsync("/api/followups/EVT-PANEL/BEN.OKAFOR@fabrikam.com/status", new { status = "dismissed" })).StatusCode);
        var panel = (await client.GetArrayAsync(Due)).ById("EVT-PANEL");
        Assert.Equal("chloe.martin@fabrikam.com", (string?)Assert.Single(panel["interviewers"]!.AsArray())!["email"]);

        await client.PutJsonAsync("/api/followups/EVT-PANEL/chloe.martin@fabrikam.com/status", new { status = "sent" });
        Assert.DoesNotContain("EVT-PANEL", (await client.GetArrayAsync(Due)).Select(d => (string?)d!["eventId"]));
        var interview = (await client.GetArrayAsync("/api/interviews?from=2026-11-20T00:00:00Z&to=2026-11-30T00:00:00Z")).ById("EVT-PANEL");
        Assert.Equal("sent", (string?)interview["followUp"]);
    }

    [Fact]
    public async Task A_drafted_letter_is_still_owed()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        await client.PutJsonAsync("/api/followups/EVT-PHONE/sarah.chen@contoso.com/status", new { status = "drafted" });
        var phone = (await client.GetArrayAsync(Due)).ById("EVT-PHONE");
        Assert.Equal("drafted", (string?)phone["interviewers"]![0]!["status"]);
    }

    [Theory]
    [InlineData("EVT-PHONE", "sarah.chen@contoso.com", "{\"status\":\"shipped\"}", HttpStatusCode.BadRequest)]
    [InlineData("EVT-PHONE", "sarah.chen@contoso.com", "{\"status\":\"not-ended\"}", HttpStatusCode.BadRequest)]
    [InlineData("NO-SUCH-EVENT", "sarah.chen@contoso.com", "{\"status\":\"sent\"}", HttpStatusCode.NotFound)]
    [InlineData("EVT-PHONE", "stranger@contoso.com", "{\"status\":\"sent\"}", HttpStatusCode.NotFound)]
    [InlineData("EVT-PHONE", "sarah.chen@contoso.com", "{\"status\":", HttpStatusCode.BadRequest)]
    public async Task Bad_status_changes_are_refused_with_problem_details(string eventId, string email, string body, HttpStatusCode expected)
    {
        await using var app = new FollowUpApiFactory();
        var response = await app.CreateClient().PutAsync($"/api/followups/{eventId}/{email}/status",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
