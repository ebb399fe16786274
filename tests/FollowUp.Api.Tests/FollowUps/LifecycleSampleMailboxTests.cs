using FollowUp.Api.Tests.Infrastructure;

namespace FollowUp.Api.Tests.FollowUps;

/// <summary>The shipped sample mailbox at its anchor: Sent Items decide who was already thanked (see its README).</summary>
public class LifecycleSampleMailboxTests
{
    private static readonly string[] AlreadyThanked =
        ["hannah.brooks@wideworldimporters.com", "priya.natarajan@contoso.com", "wei.zhang@contoso.com", "elena.petrova@northwindtraders.com"];

    private static readonly string[] StillOwed =
    [
        "samuel.okafor@contoso.com", "marcus.chen@fabrikam.com", "rahul.mehta@northwindtraders.com", "grace.kim@northwindtraders.com",
        "d.novak@adventure-works.com", "sofia.rossi@adventure-works.com", "kenji.watanabe@adventure-works.com",
        "katrin.hoffmann@treyresearch.net", "jonas.weber@treyresearch.net",
    ];

    [Fact]
    public async Task The_due_list_at_the_anchor_matches_the_sample_readme()
    {
        await using var app = new FollowUpApiFactory(calendarFile: null);
        var client = app.CreateClient();
        var due = await client.GetArrayAsync("/api/followups/due");
        var owed = due.SelectMany(d => d!["interviewers"]!.AsArray()).Select(p => ((string)p!["email"]!).ToLowerInvariant()).ToHashSet();
        Assert.Equal(StillOwed.Order(), owed.Order());
        Assert.Empty(owed.Intersect(AlreadyThanked));
        var ends = due.Select(d => DateTime.Parse((string)d!["end"]!, null, System.Globalization.DateTimeStyles.RoundtripKind)).ToList();
        Assert.Equal(ends.OrderDescending(), ends); // freshest first
    }

    [Fact]
    public async Task A_letter_can_be_drafted_for_every_interviewer_owed_one_in_the_sample()
    {
        await using var app = new FollowUpApiFactory(calendarFile: null);
        var client = app.CreateClient();
        foreach (var interview in await client.GetArrayAsync("/api/followups/due"))
            foreach (var person in interview!["interviewers"]!.AsArray())
            {
                // Graph ids end in '=': they must survive the trip through the Graph client and back.
                var response = await client.PostJsonAsync("/api/drafts", new { eventId = (string?)interview["eventId"], interviewerEmail = (string?)person!["email"], notes = "She loves classic movies, Hitchcock above all." });
                Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {person["email"]}");
                var draft = await response.ReadJsonAsync();
                Assert.Equal((string?)person["email"], (string?)draft["to"]![0]!["email"]);
                Assert.Equal("classic movies", (string?)draft["interests"]![0]!["topic"]);
            }
    }
}
