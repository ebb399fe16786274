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
        Assert.Empty(owed.Intersect(AlreadyThanked));

        // Every interviewer the README lists as owed, among the interviews the detector recognises, is still due.
        var interviews = await client.GetArrayAsync("/api/interviews?from=2026-11-09T00:00:00Z&to=2026-11-26T00:00:00Z");
        var recognised = interviews.SelectMany(i => i!["interviewers"]!.AsArray()).Select(p => ((string)p!["email"]!).ToLowerInvariant()).ToHashSet();
        Assert.Subset(owed, StillOwed.Where(recognised.Contains).ToHashSet());
        Assert.Contains("rahul.mehta@northwindtraders.com", owed); // mailed before the panel only
        Assert.Contains("samuel.okafor@contoso.com", owed);        // his co-interviewer Wei was thanked, he was not
    }
}
