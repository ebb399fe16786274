using System.Net;
using System.Text.Json.Nodes;
using FollowUp.Api.Tests.Infrastructure;

namespace FollowUp.Api.Tests.Security;

/// <summary>Two signed-in users of one tenant (and one of another): records are keyed by tid+oid from the token only.</summary>
public class IsolationTests
{
    private const string Secret = "She knits on Sundays and showed me her sweater patterns; code word Pixel.";

    [Fact]
    public async Task Another_user_can_neither_read_change_list_nor_delete_your_notes_and_follow_ups()
    {
        await using var idp = await TestOpenIdProvider.StartAsync();
        await using var app = idp.Configure(new FollowUpApiFactory());
        var alice = app.CreateClient().WithToken(idp.Token(oid: "user-a"));
        var bob = app.CreateClient().WithToken(idp.Token(oid: "user-b", name: "Sam Lee", email: "sam.lee@outlook.com"));
        var mallory = app.CreateClient().WithToken(idp.Token(oid: "user-a", tenant: TestOpenIdProvider.OtherTenantId));

        var drafted = await alice.PostJsonAsync("/api/drafts", new { eventId = "EVT-PANEL", interviewerEmail = "ana.ruiz@fabrikam.com", notes = Secret });
        Assert.Equal(HttpStatusCode.OK, drafted.StatusCode);
        var interests = (await drafted.ReadJsonAsync())["interests"]!.AsArray();
        Assert.NotEmpty(interests);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.PutJsonAsync("/api/followups/EVT-PANEL/ben.okafor@fabrikam.com/status", new { status = "sent" })).StatusCode);
        // Same object id in a foreign tenant is refused at the door (single-tenant issuer).
        Assert.Equal(HttpStatusCode.Unauthorized, (await mallory.GetAsync("/api/me/data")).StatusCode);

        // Bob lists: nothing of Alice's shows, neither in his export nor in statuses.
        Assert.Empty((await (await bob.GetAsync("/api/me/data")).ReadJsonAsync())["followUps"]!.AsArray());
        var bobsPanel = (await bob.GetArrayAsync("/api/interviews?from=2026-11-20T00:00:00Z&to=2026-11-30T00:00:00Z")).ById("EVT-PANEL");
        Assert.All(bobsPanel["interviewers"]!.AsArray(), p => Assert.NotEqual("sent", (string?)p!["status"]));
        // Bob guesses the same ids: a draft without notes recalls nothing of Alice's notes.
        var guessed = await (await bob.PostJsonAsync("/api/drafts", new { eventId = "EVT-PANEL", interviewerEmail = "ana.ruiz@fabrikam.com" })).ReadJsonAsync();
        Assert.Empty(guessed["interests"]!.AsArray());
        Assert.DoesNotContain("Pixel", guessed.ToJsonString());
        // Bob changes "the same" follow-up and erases "everything": only his own records move.
        await bob.PutJsonAsync("/api/followups/EVT-PANEL/ben.okafor@fabrikam.com/status", new { status = "dismissed" });
        await bob.PutJsonAsync("/api/followups/EVT-PANEL/ana.ruiz@fabrikam.com/status", new { status = "dismissed" });
        Assert.Equal(HttpStatusCode.NoContent, (await bob.DeleteAsync("/api/me/data")).StatusCode);

        var mine = (await (await alice.GetAsync("/api/me/data")).ReadJsonAsync())["followUps"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(Secret, (string?)mine.Single(f => (string?)f["interviewerEmail"] == "ana.ruiz@fabrikam.com")["notes"]);
        Assert.Equal("sent", (string?)mine.Single(f => (string?)f["interviewerEmail"] == "ben.okafor@fabrikam.com")["status"]);
        var alicesPanel = (await alice.GetArrayAsync("/api/interviews?from=2026-11-20T00:00:00Z&to=2026-11-30T00:00:00Z")).ById("EVT-PANEL");
        Assert.Equal("sent", (string?)alicesPanel["interviewers"]!.AsArray().Single(p => (string?)p!["email"] == "ben.okafor@fabrikam.com")!["status"]);
        var recalled = await (await alice.PostJsonAsync("/api/drafts", new { eventId = "EVT-PANEL", interviewerEmail = "ana.ruiz@fabrikam.com" })).ReadJsonAsync();
        Assert.Equal(interests.ToJsonString(), recalled["interests"]!.ToJsonString());
    }
}
