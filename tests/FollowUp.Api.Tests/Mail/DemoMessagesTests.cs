using FollowUp.Api.Demo;
using FollowUp.Api.Identity;
using FollowUp.Api.Mail;
using FollowUp.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Authentication;

namespace FollowUp.Api.Tests.Mail;

/// <summary>The demo mailbox answers the mail calls the way Graph does, through the real client.</summary>
public class DemoMessagesTests
{
    private static GraphServiceClient Client(out SampleMailbox mailbox)
    {
        var clock = new FakeTimeProvider(FollowUpApiFactory.TestNow);
        mailbox = SampleMailbox.Load(TestData.Path("calendar.json"), TestData.Path("Lifecycle/sent-items.json"), clock);
        return new GraphServiceClient(GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: new DemoGraphHandler(mailbox, clock)),
            new AnonymousAuthenticationProvider(), "https://graph.microsoft.com/v1.0");
    }

    [Fact]
    public async Task Sent_items_are_filtered_and_ordered_by_sent_time()
    {
        var graph = Client(out _);
        var page = await graph.Me.MailFolders["sentitems"].Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = "sentDateTime ge 2026-11-24T15:00:00Z and sentDateTime lt 2026-11-25T16:00:00Z";
            r.QueryParameters.Orderby = ["sentDateTime asc"];
            r.QueryParameters.Select = ["id", "sentDateTime"];
        });
        Assert.Equal(["SENT-5", "SENT-4", "SENT-3", "SENT-2"], page!.Value!.Select(m => m.Id));
        Assert.All(page.Value!, m => Assert.Null(m.Subject));
    }

    [Fact]
    public async Task Filtering_on_recipients_is_refused_as_graph_does()
    {
        var graph = Client(out _);
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Me.MailFolders["sentitems"].Messages.GetAsync(r =>
            r.QueryParameters.Filter = "toRecipients/any(r: r/emailAddress/address eq 'ana.ruiz@fabrikam.com')"));
        Assert.Equal("ErrorInvalidUrlQueryFilter", error.Error?.Code);
    }

    [Fact]
    public async Task Ordering_on_a_property_the_filter_does_not_lead_with_is_refused()
    {
        var graph = Client(out _);
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Me.MailFolders["sentitems"].Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = "sentDateTime ge 2026-11-01T00:00:00Z";
            r.QueryParameters.Orderby = ["receivedDateTime desc"];
        }));
        Assert.Equal("InefficientFilter", error.Error?.Code);
    }

    [Fact]
    public async Task A_draft_is_found_by_its_tag_and_only_in_drafts_until_sent()
    {
        var graph = Client(out var mailbox);
        var mail = new OutlookMail(graph);
        var draft = await mail.CreateDraftAsync("k1", "Ana Ruiz", "ana.ruiz@fabrikam.com", "Thank you", "<p>Thanks</p>", default);
        Assert.Equal(draft.Id, (await mail.FindAsync("k1", null, default))?.Id);
        Assert.Equal(draft.Id, (await mail.FindAsync("k1", "drafts", default))?.Id);
        Assert.Null(await mail.FindAsync("k2", null, default));
        Assert.Null(await mail.FindAsync("k1", "sentitems", default));

        await mail.ScheduleSendAsync(draft.Id, FollowUpApiFactory.TestNow.AddHours(2), default);
        Assert.Null(await mail.FindAsync("k1", "drafts", default));
        Assert.Equal(draft.Id, (await mail.FindAsync("k1", "outbox", default))?.Id);
        Assert.True(await mail.DeleteAsync(draft.Id, default));
        Assert.Null(mailbox.FindMessage(draft.Id));
        Assert.False(await mail.DeleteAsync(draft.Id, default));
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/me/mailFolders/sentitems/messages", GraphScopes.Mail)]
    [InlineData("https://graph.microsoft.com/v1.0/me/messages/AAMk%3D/send", GraphScopes.Mail)]
    [InlineData("https://graph.microsoft.com/v1.0/me/calendarView", GraphScopes.Calendar)]
    [InlineData("https://graph.microsoft.com/v1.0/me/events/EVT-1", GraphScopes.Calendar)]
    [InlineData("https://graph.microsoft.us/v1.0/me/calendarView", "https://graph.microsoft.us/Calendars.Read")]
    public void Mail_scopes_are_asked_only_by_mail_calls(string url, string scope) =>
        Assert.Equal([scope], GraphScopes.For(new Uri(url)));
}
