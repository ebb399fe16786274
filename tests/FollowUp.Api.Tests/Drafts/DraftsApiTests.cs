using System.Net;
using FollowUp.Api.Tests.Infrastructure;

namespace FollowUp.Api.Tests.Drafts;

public class DraftsApiTests
{
    private static object Draft(string email = "ana.ruiz@fabrikam.com", string? notes = "She knitted the blanket on her sofa; we talked sweater patterns.") =>
        new { eventId = "EVT-PANEL", interviewerEmail = email, notes, senderName = "Jordan Rivera" };

    [Fact]
    public async Task A_draft_goes_to_that_one_interviewer_and_recalls_her_interest_with_a_gift_link()
    {
        await using var app = new FollowUpApiFactory();
        var draft = await (await app.CreateClient().PostJsonAsync("/api/drafts", Draft())).ReadJsonAsync();
        var to = Assert.Single(draft["to"]!.AsArray());
        Assert.Equal("ana.ruiz@fabrikam.com", (string?)to!["email"]);
        Assert.Equal("knitting", (string?)draft["interests"]![0]!["topic"]);
        Assert.NotEmpty(draft["gifts"]!.AsArray());
        var gift = (string?)draft["gift"]!["url"];
        Assert.StartsWith("https://", gift);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(gift!), (string?)draft["htmlBody"]);
        Assert.Contains("Jordan Rivera", (string?)draft["textBody"]);
        Assert.Contains("knit", ((string?)draft["htmlBody"])!.ToLowerInvariant());
    }

    [Fact]
    public async Task The_notes_are_kept_for_the_next_draft()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        await client.PostJsonAsync("/api/drafts", Draft());
        var again = await (await client.PostJsonAsync("/api/drafts", Draft(notes: null))).ReadJsonAsync();
        Assert.Equal("knitting", (string?)again["interests"]![0]!["topic"]);
    }

    [Fact]
    public async Task The_chosen_gift_is_the_one_in_the_letter()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        var first = await (await client.PostJsonAsync("/api/drafts", Draft())).ReadJsonAsync();
        var second = (string?)first["gifts"]![1]!["url"];
        var chosen = await (await client.PostJsonAsync("/api/drafts", new
        {
            eventId = "EVT-PANEL", interviewerEmail = "ana.ruiz@fabrikam.com", notes = "She knitted the blanket on her sofa.", giftUrl = second,
        })).ReadJsonAsync();
        Assert.Equal(second, (string?)chosen["gift"]!["url"]);
    }

    [Fact]
    public async Task Panel_members_get_distinct_letters()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        var letters = new List<string>();
        foreach (var email in new[] { "ana.ruiz@fabrikam.com", "ben.okafor@fabrikam.com", "chloe.martin@fabrikam.com" })
        {
            var draft = await (await client.PostJsonAsync("/api/drafts", Draft(email, notes: ""))).ReadJsonAsync();
            letters.Add(((string?)draft["textBody"])!.Replace("Ana", "X").Replace("Ben", "X").Replace("Chloe", "X"));
        }
        Assert.Equal(3, letters.Distinct().Count());
    }

    [Fact]
    public async Task Notes_over_four_thousand_characters_are_refused_and_nothing_is_lost()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        await client.PostJsonAsync("/api/drafts", Draft());
        var response = await client.PostJsonAsync("/api/drafts", Draft(notes: new string('a', 4001)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4000", await response.Content.ReadAsStringAsync());
        var kept = await (await client.PostJsonAsync("/api/drafts", Draft(notes: null))).ReadJsonAsync();
        Assert.Equal("knitting", (string?)kept["interests"]![0]!["topic"]);
    }

    [Theory]
    [InlineData("NO-SUCH-EVENT", "ana.ruiz@fabrikam.com", HttpStatusCode.NotFound)]
    [InlineData("EVT-PANEL", "someone.else@fabrikam.com", HttpStatusCode.NotFound)]
    [InlineData("EVT-PANEL", "not an address", HttpStatusCode.BadRequest)]
    [InlineData("", "ana.ruiz@fabrikam.com", HttpStatusCode.BadRequest)]
    public async Task Unknown_events_and_people_get_clear_errors(string eventId, string email, HttpStatusCode expected)
    {
        await using var app = new FollowUpApiFactory();
        var response = await app.CreateClient().PostJsonAsync("/api/drafts", new { eventId, interviewerEmail = email });
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Interests_are_found_in_notes_and_gifts_listed_by_topic()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        var found = await (await client.PostJsonAsync("/api/interests/extract", new { notes = "she knits; we talked sweater patterns" })).ReadJsonAsync();
        Assert.Equal("knitting", (string?)found["interests"]![0]!["topic"]);
        var gifts = await client.GetArrayAsync("/api/gifts?interest=knitting");
        Assert.All(gifts, g => Assert.StartsWith("https://", (string?)g!["url"]));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/gifts?interest=zzzz-unknown")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/gifts")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/interests/extract", new { notes = new string('x', 4001) })).StatusCode);
    }
}
