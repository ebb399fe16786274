using System.Text.Json.Nodes;
using System.Web;
using FollowUp.Api.Mail;
using FollowUp.Api.Tests.Infrastructure;

namespace FollowUp.Api.Tests.Mail;

public class SentItemsTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 11, 15, 0, 0, TimeSpan.Zero);

    private static JsonObject Message(string id, string sent, string to, string? cc = null) => new()
    {
        ["id"] = id,
        ["sentDateTime"] = sent,
        ["subject"] = "Thank you",
        ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "", ["address"] = to } }),
        ["ccRecipients"] = cc is null ? new JsonArray() : new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = cc } }),
        ["bccRecipients"] = new JsonArray(),
    };

    /// <summary>Three pages chained by @odata.nextLink, as Graph pages Sent Items.</summary>
    private static RecordingGraph ThreePages() => new((request, call) =>
    {
        var page = new JsonObject
        {
            ["value"] = new JsonArray(Message($"m{call}a", $"2026-11-2{4 - call}T18:00:00Z", $"person{call}@contoso.com"),
                Message($"m{call}b", $"2026-11-2{4 - call}T09:00:00Z", "other@contoso.com", cc: $"CC{call}@Contoso.com")),
        };
        if (call < 2) page["@odata.nextLink"] = $"https://graph.microsoft.com/v1.0/me/mailFolders/sentitems/messages?$skip={(call + 1) * 2}";
        return RecordingGraph.Json(page.ToJsonString());
    });

    [Fact]
    public async Task Every_page_of_sent_items_is_followed()
    {
        var graph = ThreePages();
        var sent = await new SentItems(graph.Client()).SinceAsync(Since, default);
        Assert.Equal(3, graph.Requests.Count);
        Assert.Equal(["m0a", "m0b", "m1a", "m1b", "m2a", "m2b"], sent.Select(m => m.Id));
        Assert.Equal(["other@contoso.com", "cc1@contoso.com"], sent.Single(m => m.Id == "m1b").Recipients);
    }

    [Fact]
    public async Task The_query_filters_and_orders_on_sent_time_and_selects_only_what_matching_needs()
    {
        var graph = ThreePages();
        await new SentItems(graph.Client()).SinceAsync(Since, default);
        var first = graph.Requests[0].RequestUri!;
        Assert.EndsWith("/me/mailFolders/sentitems/messages", first.AbsolutePath);
        var query = HttpUtility.ParseQueryString(first.Query);
        Assert.Equal("sentDateTime ge 2026-11-11T15:00:00Z", query["$filter"]);
        Assert.Equal("sentDateTime desc", query["$orderby"]);
        Assert.Equal("100", query["$top"]);
        Assert.Equal(SentItems.Select.Order(), query["$select"]!.Split(',').Order());
        Assert.DoesNotContain("Recipients/any", first.Query, StringComparison.OrdinalIgnoreCase);
    }

    private static readonly DateTimeOffset End = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    private static SentMessage Sent(string at, params string[] to) => new(Guid.NewGuid().ToString(), DateTimeOffset.Parse(at), to);

    [Fact]
    public void Only_mail_sent_after_the_interview_ended_counts_as_a_thank_you()
    {
        var owed = new OwedLetter("E", "ana.ruiz@fabrikam.com", "Ana", End);
        Assert.Empty(SentThankYous.Match([owed], [Sent("2026-11-24T15:59:00Z", "ana.ruiz@fabrikam.com"), Sent("2026-11-20T10:00:00Z", "ana.ruiz@fabrikam.com")]));
        var found = Assert.Single(SentThankYous.Match([owed], [Sent("2026-11-25T09:00:00Z", "ana.ruiz@fabrikam.com"), Sent("2026-11-24T18:00:00Z", "ana.ruiz@fabrikam.com")]));
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T18:00:00Z"), found.SentAt);
    }

    [Fact]
    public void Recipients_match_whatever_their_case()
    {
        var owed = new OwedLetter("E", "Ana.Ruiz@Fabrikam.com", "Ana", End);
        Assert.Single(SentThankYous.Match([owed], [Sent("2026-11-24T18:00:00Z", "ana.ruiz@fabrikam.com")]));
    }

    [Fact]
    public void Mail_to_someone_else_is_nobody_s_thank_you()
    {
        var owed = new OwedLetter("E", "ana.ruiz@fabrikam.com", "Ana", End);
        Assert.Empty(SentThankYous.Match([owed], [Sent("2026-11-24T18:00:00Z", "ana.ruiz@contoso.com", "ruiz@fabrikam.com")]));
    }
}
