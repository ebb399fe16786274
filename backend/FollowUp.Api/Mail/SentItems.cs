using System.Globalization;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace FollowUp.Api.Mail;

/// <summary>A message in Sent Items: when it went out and to whom (to, cc and bcc, lower-cased).</summary>
public sealed record SentMessage(string Id, DateTimeOffset SentAt, IReadOnlyList<string> Recipients);

/// <summary>Reads the user's Sent Items through the real <see cref="GraphServiceClient"/>.</summary>
public sealed class SentItems(GraphServiceClient graph)
{
    /// <summary>Only what matching needs: no bodies.</summary>
    public static readonly string[] Select = ["id", "sentDateTime", "toRecipients", "ccRecipients", "bccRecipients", "subject"];

    public const int PageSize = 100;

    /// <summary>
    /// Every message sent at or after <paramref name="since"/>, newest first, all pages followed. Recipients are
    /// matched by the caller: Graph rejects <c>toRecipients/any()</c> filters on messages, and <c>$orderby</c> must
    /// name the filtered property.
    /// </summary>
    public async Task<IReadOnlyList<SentMessage>> SinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        var first = await graph.Me.MailFolders["sentitems"].Messages.GetAsync(request =>
        {
            request.QueryParameters.Filter = $"sentDateTime ge {since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";
            request.QueryParameters.Orderby = ["sentDateTime desc"];
            request.QueryParameters.Select = Select;
            request.QueryParameters.Top = PageSize;
        }, ct);
        if (first is null) return [];

        var messages = new List<SentMessage>();
        var iterator = PageIterator<Message, MessageCollectionResponse>.CreatePageIterator(graph, first, m =>
        {
            if (m.SentDateTime is { } sentAt)
                messages.Add(new SentMessage(m.Id ?? "", sentAt, Addresses(m.ToRecipients, m.CcRecipients, m.BccRecipients)));
            return true;
        });
        await iterator.IterateAsync(ct);
        return messages;
    }

    private static List<string> Addresses(params List<Recipient>?[] lists) =>
        lists.SelectMany(l => l ?? [])
            .Select(r => r.EmailAddress?.Address?.Trim().ToLowerInvariant())
            .OfType<string>().Where(a => a.Length > 0).Distinct().ToList();
}

/// <summary>A letter still owed to one interviewer of an ended interview.</summary>
public sealed record OwedLetter(string EventId, string Email, string? Name, DateTimeOffset InterviewEnd);

/// <summary>A thank-you found in Sent Items for an owed letter.</summary>
public sealed record FoundThankYou(OwedLetter Letter, DateTimeOffset SentAt);

public static class SentThankYous
{
    /// <summary>
    /// For each owed letter, the first message to that interviewer (to, cc or bcc; case-insensitive) sent after the
    /// interview ended. Mail sent before the end (scheduling, questions) is not a thank-you.
    /// </summary>
    public static IReadOnlyList<FoundThankYou> Match(IEnumerable<OwedLetter> owed, IReadOnlyList<SentMessage> sent)
    {
        var byRecipient = sent
            .SelectMany(m => m.Recipients.Select(r => (Recipient: r, m.SentAt)))
            .ToLookup(x => x.Recipient, x => x.SentAt, StringComparer.OrdinalIgnoreCase);
        var found = new List<FoundThankYou>();
        foreach (var letter in owed)
        {
            var after = byRecipient[letter.Email.Trim()].Where(t => t > letter.InterviewEnd).ToList();
            if (after.Count > 0) found.Add(new FoundThankYou(letter, after.Min()));
        }
        return found;
    }
}
