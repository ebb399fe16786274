using System.Globalization;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace FollowUp.Api.Mail;

/// <summary>An Outlook message FollowUp made: its Graph id and the link that opens it in Outlook on the web.</summary>
public sealed record OutlookDraft(string Id, string? WebLink);

/// <summary>The letter as it stands in Outlook now (the user may have edited it there).</summary>
public sealed record MailContent(string Subject, string HtmlBody);

/// <summary>Drafts and deferred sends in the user's mailbox, through the real <see cref="GraphServiceClient"/>.</summary>
public sealed class OutlookMail(GraphServiceClient graph)
{
    private static readonly string[] DraftFields = ["id", "webLink"];

    /// <summary>The message tagged with <paramref name="key"/>: in any folder, or only in <paramref name="folder"/> (a well-known name).</summary>
    public async Task<OutlookDraft?> FindAsync(string key, string? folder, CancellationToken ct)
    {
        var filter = FollowUpTag.Filter(key);
        var page = folder is null
            ? await graph.Me.Messages.GetAsync(r =>
            {
                r.QueryParameters.Filter = filter;
                r.QueryParameters.Select = DraftFields;
                r.QueryParameters.Top = 1;
            }, ct)
            : await graph.Me.MailFolders[folder].Messages.GetAsync(r =>
            {
                r.QueryParameters.Filter = filter;
                r.QueryParameters.Select = DraftFields;
                r.QueryParameters.Top = 1;
            }, ct);
        return page?.Value?.FirstOrDefault() is { Id: { } id } m ? new OutlookDraft(id, m.WebLink) : null;
    }

    /// <summary>Creates the draft, tagged with <paramref name="key"/>, to the one interviewer.</summary>
    public async Task<OutlookDraft> CreateDraftAsync(string key, string toName, string toEmail, string subject, string htmlBody, CancellationToken ct)
    {
        var created = await graph.Me.Messages.PostAsync(new Message
        {
            Subject = subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = htmlBody },
            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Name = toName, Address = toEmail } }],
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = FollowUpTag.PropertyId, Value = key }],
        }, cancellationToken: ct) ?? throw new InvalidOperationException("Graph created no message.");
        return new OutlookDraft(created.Id ?? throw new InvalidOperationException("Graph returned a message without id."), created.WebLink);
    }

    /// <summary>The subject and HTML body of a message; null when it is gone.</summary>
    public async Task<MailContent?> ReadAsync(string id, CancellationToken ct)
    {
        try
        {
            var m = await graph.Me.Messages[id].GetAsync(r => r.QueryParameters.Select = ["id", "subject", "body"], ct);
            return m is null ? null : new MailContent(m.Subject ?? "", m.Body?.Content ?? "");
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>Sends the draft through Exchange's deferred send: it stays in the mailbox until <paramref name="sendAt"/>.</summary>
    public async Task ScheduleSendAsync(string id, DateTimeOffset sendAt, CancellationToken ct)
    {
        await graph.Me.Messages[id].PatchAsync(new Message
        {
            SingleValueExtendedProperties =
            [
                new SingleValueLegacyExtendedProperty
                {
                    Id = FollowUpTag.DeferredSendTime,
                    Value = sendAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                },
            ],
        }, cancellationToken: ct);
        await graph.Me.Messages[id].Send.PostAsync(cancellationToken: ct);
    }

    /// <summary>Deletes a message; true when it existed.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        try
        {
            await graph.Me.Messages[id].DeleteAsync(cancellationToken: ct);
            return true;
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return false;
        }
    }
}
