using System.Net;
using FollowUp.Api.Tests.Infrastructure;

namespace FollowUp.Api.Tests.Interviews;

/// <summary>The interviews list over the demo Graph endpoint and the test calendar (now = Wed 25 Nov 2026 17:00 UTC).</summary>
public class InterviewsApiTests
{
    private const string Window = "/api/interviews?from=2026-11-11T00:00:00Z&to=2026-12-09T00:00:00Z";

    [Fact]
    public async Task Only_interviews_are_listed()
    {
        await using var app = new FollowUpApiFactory();
        var ids = (await app.CreateClient().GetArrayAsync(Window)).Select(i => (string?)i!["eventId"]).ToHashSet();
        Assert.Equal(["EVT-CANCELLED", "EVT-DECLINED", "EVT-FUTURE", "EVT-HM", "EVT-PANEL", "EVT-PHONE"], ids.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("EVT-PREP", ids);
        Assert.DoesNotContain("EVT-DENTIST", ids);
    }

    [Theory]
    [InlineData("EVT-PHONE", "due")]
    [InlineData("EVT-PANEL", "due")]
    [InlineData("EVT-CANCELLED", "none")]
    [InlineData("EVT-DECLINED", "none")]
    [InlineData("EVT-FUTURE", "not-ended")]
    public async Task Each_interview_says_where_its_follow_up_stands(string eventId, string expected)
    {
        await using var app = new FollowUpApiFactory();
        var interview = (await app.CreateClient().GetArrayAsync(Window)).ById(eventId);
        Assert.Equal(expected, (string?)interview["followUp"]);
    }

    [Fact]
    public async Task The_panel_is_thanked_person_by_person_without_the_room_or_the_user()
    {
        await using var app = new FollowUpApiFactory();
        var panel = (await app.CreateClient().GetArrayAsync(Window)).ById("EVT-PANEL");
        var emails = panel["interviewers"]!.AsArray().Select(p => (string?)p!["email"]).Order().ToList();
        Assert.Equal(["ana.ruiz@fabrikam.com", "ben.okafor@fabrikam.com", "chloe.martin@fabrikam.com"], emails);
        Assert.Equal("Fabrikam", (string?)panel["company"]);
    }

    [Fact]
    public async Task Times_are_iso_8601_utc_and_the_judgement_is_explained()
    {
        await using var app = new FollowUpApiFactory();
        var response = await app.CreateClient().GetAsync(Window);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"start\":\"2026-11-25T13:30:00Z\"", text);
        var phone = (await app.CreateClient().GetArrayAsync(Window)).ById("EVT-PHONE");
        Assert.InRange((double)phone["confidence"]!, 0.5, 1.0);
        Assert.NotEmpty(phone["reasons"]!.AsArray());
    }

    [Fact]
    public async Task The_default_window_is_the_last_and_next_fourteen_days()
    {
        await using var app = new FollowUpApiFactory();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 12, 0, 0, TimeSpan.Zero)); // 14 days on: only the latest are inside
        var ids = (await app.CreateClient().GetArrayAsync("/api/interviews")).Select(i => (string?)i!["eventId"]).ToList();
        Assert.Contains("EVT-PHONE", ids);
        Assert.DoesNotContain("EVT-HM", ids);
    }

    [Theory]
    [InlineData("?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z")]
    [InlineData("?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z")]
    [InlineData("?from=yesterday")]
    public async Task A_bad_window_is_a_clear_400(string query)
    {
        await using var app = new FollowUpApiFactory();
        var response = await app.CreateClient().GetAsync("/api/interviews" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_appointment_the_calendar_does_not_hold_is_judged_as_outlook_shows_it()
    {
        await using var app = new FollowUpApiFactory();
        var response = await app.CreateClient().PostJsonAsync("/api/interviews/resolve", new
        {
            eventId = "outlook-only-1",
            subject = "Technical interview - Wingtip Toys",
            start = "2026-11-25T15:00:00Z",
            end = "2026-11-25T16:00:00Z",
            organizer = new { name = "Zoe Park", email = "zoe.park@wingtiptoys.com" },
            attendees = new object[]
            {
                new { name = "Zoe Park", email = "zoe.park@wingtiptoys.com", type = "required" },
                new { name = "Jordan Rivera", email = "jordan.rivera@outlook.com", type = "required" },
            },
        });
        var interview = await response.ReadJsonAsync();
        Assert.True((bool)interview["isInterview"]!);
        Assert.Equal("zoe.park@wingtiptoys.com", (string?)Assert.Single(interview["interviewers"]!.AsArray())!["email"]);
        Assert.Equal("due", (string?)interview["followUp"]);
    }
}
