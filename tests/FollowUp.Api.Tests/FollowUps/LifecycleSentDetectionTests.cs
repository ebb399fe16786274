using System.Text.Json;
using System.Text.Json.Nodes;
using FollowUp.Api.Tests.Infrastructure;
using FollowUp.Api.Tests.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Api.Tests.FollowUps;

/// <summary>Sent detection: letters already in Sent Items drop off the due list, and nothing else does.</summary>
public class LifecycleSentDetectionTests
{
    private const string Due = "/api/followups/due";

    private static FollowUpApiFactory App() => new("calendar.json", "Lifecycle/sent-items.json");

    private static List<string> Owed(JsonArray due, string eventId) =>
        due.ById(eventId)["interviewers"]!.AsArray().Select(p => (string)p!["email"]!).ToList();

    [Fact]
    public async Task A_letter_found_in_sent_items_drops_off_and_the_others_stay_due()
    {
        await using var app = App();
        var due = await app.CreateClient().GetArrayAsync(Due);
        // Ana (to, upper case) and Ben (cc) were thanked after the panel; Chloe only got mail during it.
        Assert.Equal(["chloe.martin@fabrikam.com"], Owed(due, "EVT-PANEL"));
    }

    [Fact]
    public async Task Mail_sent_before_the_interview_ended_is_not_a_thank_you()
    {
        await using var app = App();
        var due = await app.CreateClient().GetArrayAsync(Due);
        Assert.Equal(["sarah.chen@contoso.com"], Owed(due, "EVT-PHONE"));
        Assert.Equal(["liam.brooks@tailspintoys.com"], Owed(due, "EVT-HM"));
    }

    [Fact]
    public async Task An_interview_drops_off_when_every_interviewer_was_thanked()
    {
        var sent = JsonNode.Parse(File.ReadAllText(TestData.Path("Lifecycle/sent-items.json")))!.AsObject();
        sent["value"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "SENT-CHLOE",
            ["sentDateTime"] = "2026-11-25T09:30:00Z",
            ["subject"] = "Thank you",
            ["isDraft"] = false,
            ["toRecipients"] = new JsonArray(),
            ["ccRecipients"] = new JsonArray(),
            ["bccRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = "Chloe.Martin@fabrikam.com" } }),
        });
        var file = Path.Combine(Path.GetTempPath(), $"sent-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, sent.ToJsonString());
        try
        {
            await using var app = new FollowUpApiFactory("calendar.json").With("Demo:SentItemsFile", file);
            var client = app.CreateClient();
            Assert.DoesNotContain("EVT-PANEL", (await client.GetArrayAsync(Due)).Select(d => (string?)d!["eventId"]));
            var panel = (await client.GetArrayAsync("/api/interviews?from=2026-11-20T00:00:00Z&to=2026-11-30T00:00:00Z")).ById("EVT-PANEL");
            Assert.Equal("sent", (string?)panel["followUp"]);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task A_detected_letter_is_recorded_as_sent_at_the_time_it_went_out()
    {
        await using var app = App();
        var client = app.CreateClient();
        await client.GetArrayAsync(Due);
        var interview = (await client.GetArrayAsync("/api/interviews?from=2026-11-20T00:00:00Z&to=2026-11-30T00:00:00Z")).ById("EVT-PANEL");
        var statuses = interview["interviewers"]!.AsArray().ToDictionary(p => (string)p!["email"]!, p => (string)p!["status"]!);
        Assert.Equal("sent", statuses["ana.ruiz@fabrikam.com"]);
        Assert.Equal("sent", statuses["ben.okafor@fabrikam.com"]);
        Assert.Equal("due", statuses["chloe.martin@fabrikam.com"]);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUp.Api.Storage.FollowUpDb>();
        var ana = db.FollowUps.AsEnumerable().Single(f => f.InterviewerEmail == "ana.ruiz@fabrikam.com");
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T18:00:00Z"), ana.StatusChangedAt);
    }

    [Fact]
    public async Task A_dismissed_letter_stays_dismissed_when_mail_to_that_person_is_found()
    {
        await using var app = App();
        var client = app.CreateClient();
        await client.PutJsonAsync("/api/followups/EVT-PANEL/ana.ruiz@fabrikam.com/status", new { status = "dismissed" });
        await client.GetArrayAsync(Due);
        var interview = (await client.GetArrayAsync("/api/interviews?from=2026-11-20T00:00:00Z&to=2026-11-30T00:00:00Z")).ById("EVT-PANEL");
        Assert.Equal("dismissed", (string?)interview["interviewers"]!.AsArray().Single(p => (string?)p!["email"] == "ana.ruiz@fabrikam.com")!["status"]);
    }

    [Fact]
    public async Task The_due_list_reads_sent_items_once_for_the_whole_window()
    {
        var recorder = new DemoGraphRecorder();
        await using var app = App().WithRecordedGraph(recorder);
        await app.CreateClient().GetArrayAsync(Due);
        Assert.Equal(1, recorder.Count("GET", "/mailFolders/sentitems/messages"));
        var query = System.Web.HttpUtility.ParseQueryString(recorder.Requests.Single(r => r.Uri.AbsolutePath.Contains("sentitems")).Uri.Query);
        // The oldest ended interview with a letter owed is the hiring-manager one, which ended on 20 November at 18:45.
        Assert.Equal("sentDateTime ge 2026-11-20T18:45:00Z", query["$filter"]);
    }

    [Fact]
    public async Task Sent_items_are_not_read_when_no_letter_is_owed_nor_for_the_interview_list()
    {
        var recorder = new DemoGraphRecorder();
        await using var app = App().WithRecordedGraph(recorder);
        var client = app.CreateClient();
        await client.GetArrayAsync("/api/interviews");
        await client.GetArrayAsync(Due + "?from=2026-11-26T00:00:00Z&to=2026-11-27T00:00:00Z");
        Assert.Equal(0, recorder.Count("GET", "/mailFolders/"));
    }

    [Fact]
    public async Task Hundreds_of_sent_items_are_read_page_by_page()
    {
        var messages = new JsonArray();
        for (var i = 0; i < 250; i++)
            messages.Add(new JsonObject
            {
                ["id"] = $"BULK-{i}",
                ["sentDateTime"] = new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero).AddMinutes(-i).ToString("yyyy-MM-ddTHH:mm:ssZ"),
                ["subject"] = "Newsletter",
                ["isDraft"] = false,
                ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = $"reader{i}@example.com" } }),
            });
        messages.Add(new JsonObject
        {
            ["id"] = "LAST-PAGE-THANKS",
            ["sentDateTime"] = "2026-11-21T09:00:00Z",
            ["subject"] = "Thank you",
            ["isDraft"] = false,
            ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = "liam.brooks@tailspintoys.com" } }),
        });
        var file = Path.Combine(Path.GetTempPath(), $"sent-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JsonObject { ["value"] = messages }.ToJsonString());
        try
        {
            var recorder = new DemoGraphRecorder();
            await using var app = new FollowUpApiFactory("calendar.json").With("Demo:SentItemsFile", file).WithRecordedGraph(recorder);
            var due = await app.CreateClient().GetArrayAsync(Due);
            Assert.Equal(3, recorder.Count("GET", "/mailFolders/sentitems/messages"));
            Assert.DoesNotContain("EVT-HM", due.Select(d => (string?)d!["eventId"]));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task The_summary_counts_letters_due_and_overdue()
    {
        await using var app = App();
        var client = app.CreateClient();
        var due = await client.GetArrayAsync(Due);
        var summary = await (await client.GetAsync("/api/followups/summary")).ReadJsonAsync();
        Assert.Equal(due.Sum(d => d!["interviewers"]!.AsArray().Count), (int)summary["due"]!);
        // Chloe (panel, 25 h) and Liam (hiring manager, 5 days) are overdue; Sarah's phone screen ended 3 hours ago.
        Assert.Equal(2, (int)summary["overdue"]!);
        Assert.Equal(3, (int)summary["due"]!);
    }
}
