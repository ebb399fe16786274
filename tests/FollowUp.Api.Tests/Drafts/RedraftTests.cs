using System.Net;
using FollowUp.Api.Storage;
using FollowUp.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Api.Tests.Drafts;

/// <summary>
/// The pane redrafts as the user types; an unchanged redraft may skip the database (RecentDrafts), but what the user
/// last sent must always be what is stored, with the memory on (SQLite default) or off (PostgreSQL's setting).
/// </summary>
public class RedraftTests
{
    private const string Knitting = "She knitted the blanket on her sofa; we talked sweater patterns.";
    private const string Football = "He coaches his daughter's football team on Saturdays.";

    private static object Draft(string? notes, string email = "ana.ruiz@fabrikam.com") =>
        new { eventId = "EVT-PANEL", interviewerEmail = email, notes, senderName = "Jordan Rivera" };

    private static FollowUpApiFactory App(bool remember) => new FollowUpApiFactory().With("Storage:RememberDrafts", remember ? "true" : "false");

    private static async Task<string?> StoredNotesAsync(HttpClient client, string email = "ana.ruiz@fabrikam.com")
    {
        var export = await (await client.GetAsync("/api/me/data")).ReadJsonAsync();
        return export["followUps"]!.AsArray().Where(f => (string?)f!["interviewerEmail"] == email).Select(f => (string?)f!["notes"]).SingleOrDefault();
    }

    private static async Task<string?> StoredLetterAsync(FollowUpApiFactory app, string email = "ana.ruiz@fabrikam.com")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDb>();
        var record = await db.FollowUps.AsNoTracking().SingleAsync(f => f.EventId == "EVT-PANEL" && f.InterviewerEmail == email);
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("FollowUp.Notes.v1");
        return record.ProtectedLetter is null ? null : protector.Unprotect(record.ProtectedLetter);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Notes_changed_and_changed_back_are_stored_as_last_sent(bool remember)
    {
        await using var app = App(remember);
        var client = app.CreateClient();
        foreach (var notes in new[] { Knitting, Football, Knitting })
            Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/drafts", Draft(notes))).StatusCode);
        Assert.Equal(Knitting, await StoredNotesAsync(client));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_redraft_after_erasing_everything_stores_the_notes_again(bool remember)
    {
        await using var app = App(remember);
        var client = app.CreateClient();
        await client.PostJsonAsync("/api/drafts", Draft(Knitting));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me/data")).StatusCode);
        Assert.Null(await StoredNotesAsync(client));

        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/drafts", Draft(Knitting))).StatusCode);
        Assert.Equal(Knitting, await StoredNotesAsync(client));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_letter_edited_in_a_check_is_replaced_by_the_next_draft(bool remember)
    {
        await using var app = App(remember);
        var client = app.CreateClient();
        var drafted = (string?)(await (await client.PostJsonAsync("/api/drafts", Draft(Knitting))).ReadJsonAsync())["htmlBody"];
        var edited = "<p>Hi Ana,</p><p>Thank you for the conversation about sweater patterns.</p><p>Best,<br>Jordan Rivera</p>";
        var check = await client.PostJsonAsync("/api/drafts/check",
            new { eventId = "EVT-PANEL", interviewerEmail = "ana.ruiz@fabrikam.com", subject = "Thank you", htmlBody = edited });
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal(edited, await StoredLetterAsync(app));

        var again = (string?)(await (await client.PostJsonAsync("/api/drafts", Draft(Knitting))).ReadJsonAsync())["htmlBody"];
        Assert.Equal(drafted, again);
        Assert.Equal(drafted, await StoredLetterAsync(app));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Concurrent_redrafts_then_a_last_one_leave_the_last_notes_stored(bool remember)
    {
        await using var app = App(remember);
        var client = app.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => client.PostJsonAsync("/api/drafts", Draft(i % 2 == 0 ? Knitting : Football))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        foreach (var last in new[] { Knitting, Football })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/drafts", Draft(last))).StatusCode);
            Assert.Equal(last, await StoredNotesAsync(client));
        }
    }

    [Fact]
    public async Task A_redraft_that_changes_nothing_leaves_the_record_untouched()
    {
        await using var app = App(remember: true);
        var client = app.CreateClient();
        await client.PostJsonAsync("/api/drafts", Draft(Knitting));
        var before = (await (await client.GetAsync("/api/me/data")).ReadJsonAsync())["followUps"]![0]!["updatedAt"]!.ToString();

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await (await client.PostJsonAsync("/api/drafts", Draft(notes: null))).ReadJsonAsync();
        Assert.Equal("knitting", (string?)again["interests"]![0]!["topic"]);
        await client.PostJsonAsync("/api/drafts", Draft(Knitting));

        var after = (await (await client.GetAsync("/api/me/data")).ReadJsonAsync())["followUps"]![0]!["updatedAt"]!.ToString();
        Assert.Equal(before, after);
    }
}

public class DraftContractTests
{
    [Fact]
    public async Task The_api_description_still_promises_a_draft_view_for_a_draft()
    {
        await using var app = new FollowUpApiFactory();
        var doc = await (await app.CreateClient().GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();
        var ok = doc["paths"]!["/api/drafts"]!["post"]!["responses"]!["200"]!;
        Assert.EndsWith("/DraftView", (string?)ok["content"]!["application/json"]!["schema"]!["$ref"]);
        var view = doc["components"]!["schemas"]!["DraftView"]!["properties"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["to", "subject", "htmlBody", "textBody", "interests", "gifts", "gift"], view);
    }

    [Fact]
    public async Task A_repeated_draft_answers_the_same_json_with_a_json_content_type()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        var body = new { eventId = "EVT-PANEL", interviewerEmail = "ana.ruiz@fabrikam.com", notes = "She knits sweaters.", senderName = "Jordan Rivera" };
        var first = await client.PostJsonAsync("/api/drafts", body);
        var second = await client.PostJsonAsync("/api/drafts", body);
        Assert.Equal("application/json", second.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var other = await (await client.PostJsonAsync("/api/drafts", body with { interviewerEmail = "ben.okafor@fabrikam.com" })).ReadJsonAsync();
        Assert.Equal("ben.okafor@fabrikam.com", (string?)other["to"]![0]!["email"]);
    }
}
