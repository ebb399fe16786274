using System.Net;
using System.Text.Json.Nodes;
using FollowUp.Api.Demo;
using FollowUp.Api.Mail;
using FollowUp.Api.Tests.Infrastructure;
using FollowUp.Api.Tests.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Api.Tests.FollowUps;

/// <summary>Outlook drafts: one per follow-up, however often or how concurrently it is asked for.</summary>
public class LifecycleOutlookDraftTests
{
    private const string AnaDraft = "/api/followups/EVT-PANEL/ana.ruiz@fabrikam.com/outlook-draft";

    private static List<JsonObject> Drafts(FollowUpApiFactory app) =>
        app.Services.GetRequiredService<SampleMailbox>().Messages.Where(m => m["isDraft"]?.GetValue<bool>() == true).ToList();

    private static string? Tag(JsonObject message) =>
        (string?)(message["singleValueExtendedProperties"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(p => (string?)p["id"] == FollowUpTag.PropertyId)?["value"];

    [Fact]
    public async Task The_letter_becomes_a_tagged_draft_to_that_one_interviewer_and_the_follow_up_is_drafted()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        var response = await client.PostJsonAsync(AnaDraft, new { notes = "She knits.", senderName = "Jordan Rivera" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.ReadJsonAsync();
        Assert.True((bool)view["created"]!);
        Assert.StartsWith("https://", (string?)view["webLink"]);

        var draft = Assert.Single(Drafts(app));
        Assert.Equal((string?)view["id"], (string?)draft["id"]);
        Assert.Equal("ana.ruiz@fabrikam.com", (string?)Assert.Single(draft["toRecipients"]!.AsArray())!["emailAddress"]!["address"]);
        Assert.Equal("html", ((string?)draft["body"]!["contentType"])?.ToLowerInvariant());
        Assert.Matches("^[0-9a-f]{64}$", Tag(draft));

        var panel = (await client.GetArrayAsync("/api/followups/due")).ById("EVT-PANEL");
        Assert.Equal("drafted", (string?)panel["interviewers"]!.AsArray().Single(p => (string?)p!["email"] == "ana.ruiz@fabrikam.com")!["status"]);
    }

    [Fact]
    public async Task The_users_edited_letter_is_the_one_drafted()
    {
        await using var app = new FollowUpApiFactory();
        await app.CreateClient().PostJsonAsync(AnaDraft, new { subject = "Thank you, Ana", htmlBody = "<p>Edited by me &amp; kept.</p>" });
        var draft = Assert.Single(Drafts(app));
        Assert.Equal("Thank you, Ana", (string?)draft["subject"]);
        Assert.Equal("<p>Edited by me &amp; kept.</p>", (string?)draft["body"]!["content"]);
    }

    [Fact]
    public async Task Asking_again_gives_the_same_draft()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        var first = await (await client.PostAsync(AnaDraft, null)).ReadJsonAsync();
        var second = await (await client.PostAsync(AnaDraft, null)).ReadJsonAsync();
        Assert.Equal((string?)first["id"], (string?)second["id"]);
        Assert.False((bool)second["created"]!);
        Assert.Single(Drafts(app));
    }

    [Fact]
    public async Task Ten_clicks_at_once_make_one_draft()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.PostJsonAsync(AnaDraft, new { senderName = "Jordan" })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var views = await Task.WhenAll(answers.Select(a => a.ReadJsonAsync()));
        Assert.Single(views.Select(v => (string?)v["id"]).Distinct());
        Assert.Single(views, v => (bool)v["created"]!);
        Assert.Single(Drafts(app));
    }

    [Fact]
    public async Task Two_instances_on_one_database_make_one_draft()
    {
        var db = Path.Combine(Path.GetTempPath(), $"followup-shared-{Guid.NewGuid():N}.db");
        var mailbox = SampleMailbox.Load(TestData.Path("calendar.json"), null, TimeProvider.System);
        await using var one = new FollowUpApiFactory().With("Storage:SqliteFile", db).WithRecordedGraph(new DemoGraphRecorder(), mailbox);
        await using var two = new FollowUpApiFactory().With("Storage:SqliteFile", db).WithRecordedGraph(new DemoGraphRecorder(), mailbox);
        var clients = new[] { one.CreateClient(), two.CreateClient() };
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => clients[i % 2].PostJsonAsync(AnaDraft, new { senderName = "Jordan" })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(mailbox.Messages, m => m["isDraft"]?.GetValue<bool>() == true);
        foreach (var suffix in new[] { "", "-wal", "-shm" }) try { File.Delete(db + suffix); } catch (IOException) { }
    }

    [Fact]
    public async Task A_retry_after_a_lost_answer_finds_the_draft_instead_of_making_another()
    {
        var recorder = new DemoGraphRecorder();
        var lost = 0;
        recorder.LoseAnswer = r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/me/messages") && Interlocked.Exchange(ref lost, 1) == 0;
        await using var app = new FollowUpApiFactory().WithRecordedGraph(recorder);
        var client = app.CreateClient();

        var failed = await client.PostAsync(AnaDraft, null);
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        var retried = await client.PostAsync(AnaDraft, null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.False((bool)(await retried.ReadJsonAsync())["created"]!);
        Assert.Single(Drafts(app));
        // The lookup by tag is what found it: a filter on the extended property, before any creation.
        Assert.Contains(recorder.Requests, r => r.Method == HttpMethod.Get && Uri.UnescapeDataString(r.Uri.Query).Contains($"ep/id eq '{FollowUpTag.PropertyId}'"));
    }

    [Theory]
    [InlineData("NO-SUCH-EVENT", "ana.ruiz@fabrikam.com", HttpStatusCode.NotFound)]
    [InlineData("EVT-PANEL", "stranger@fabrikam.com", HttpStatusCode.NotFound)]
    public async Task Unknown_events_and_people_get_no_draft(string eventId, string email, HttpStatusCode expected)
    {
        await using var app = new FollowUpApiFactory();
        var response = await app.CreateClient().PostAsync($"/api/followups/{eventId}/{email}/outlook-draft", null);
        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(Drafts(app));
    }

    [Fact]
    public async Task An_oversized_edited_letter_is_refused()
    {
        await using var app = new FollowUpApiFactory();
        var response = await app.CreateClient().PostJsonAsync(AnaDraft, new { subject = "Thanks", htmlBody = new string('x', 33 * 1024) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Drafts(app));
    }
}
