using FollowUp.Api.Identity;
using FollowUp.Api.Interviews;
using FollowUp.Api.Storage;
using FollowUp.Domain.Etiquette;
using FollowUp.Domain.Gifts;
using FollowUp.Domain.Interests;
using FollowUp.Domain.Interviewers;
using FollowUp.Domain.Letters;
using FollowUp.Domain.Text;

namespace FollowUp.Api.Drafts;

/// <summary>What the user adds to a letter: notes (null: the ones saved before), signature, chosen gift, time zone.</summary>
public sealed record LetterRequest(string? Notes, string? SenderName, string? GiftUrl, string? TimeZone);

/// <summary>A letter with what it was built from.</summary>
public sealed record WrittenLetter(Letter Letter, IReadOnlyList<InterestMatch> Interests, IReadOnlyList<Gift> Gifts, Gift? Gift);

/// <summary>
/// Writes the thank-you to one interviewer from the user's notes (interests, gift, composer) and keeps the notes and
/// the letter (encrypted) for the next draft and for the panel's etiquette check.
/// </summary>
public sealed class LetterWriter(FollowUpStore store, CurrentUser user)
{
    public async Task<WrittenLetter> WriteAsync(JudgedEvent judged, Interviewer interviewer, LetterRequest request, CancellationToken ct)
    {
        var eventId = judged.Event.Id;
        var record = await store.FindAsync(eventId, interviewer.Email, ct);
        var notes = request.Notes ?? (record is null ? "" : store.Notes(record) ?? "");
        var interests = InterestExtractor.Default.Extract(notes);
        var gifts = interests.SelectMany(i => GiftCatalog.Default.For(i.Topic)).DistinctBy(g => g.Url).ToList();
        var giftUrl = request.GiftUrl ?? (request.Notes is null ? record?.GiftUrl : null);
        var gift = gifts.FirstOrDefault(g => g.Url == giftUrl) ?? gifts.FirstOrDefault();

        var letter = ThankYouComposer.Default.Compose(new LetterInput
        {
            Interviewer = interviewer,
            Panel = judged.Parties.Interviewers,
            Company = judged.Parties.Company,
            Role = judged.Parties.Role,
            EventId = eventId,
            InterviewStart = judged.Event.Start,
            TimeZone = TimeZones.Find(request.TimeZone) ?? TimeZones.Find(judged.Event.OriginalTimeZone),
            // A signature line never carries CR/LF (header injection if it ever reaches a subject or header).
            SenderName = string.IsNullOrWhiteSpace(request.SenderName) ? user.Name : request.SenderName.ReplaceLineEndings(" ").Trim(),
            Notes = notes,
            Interests = interests,
            MainInterestPhrase = interests.Count > 0 ? InterestExtractor.Default.PhraseFor(interests[0].Topic) : null,
            Gift = gift,
        });

        // One write, and none when a redraft changes nothing (the pane redrafts as the user types).
        var notesChanged = record is null || (request.Notes is not null && request.Notes != store.Notes(record));
        var giftChanged = record is null || record.GiftUrl != gift?.Url;
        var letterChanged = record is null || store.Letter(record) != letter.HtmlBody;
        if (notesChanged || giftChanged || letterChanged)
            await store.SaveDraftAsync(eventId, interviewer.Email, interviewer.Name, notesChanged ? notes : null, interests, gift?.Url, letter.HtmlBody, ct);
        return new WrittenLetter(letter, interests, gifts, gift);
    }

    /// <summary>Keeps a letter the user edited, for the panel's etiquette checks.</summary>
    public Task KeepAsync(JudgedEvent judged, Interviewer interviewer, string htmlBody, CancellationToken ct) =>
        store.SaveLetterAsync(judged.Event.Id, interviewer.Email, interviewer.Name, htmlBody, ct);

    /// <summary>Checks a letter (as the user edited it) against the etiquette rules, next to the panel's other letters; keeps it.</summary>
    public async Task<IReadOnlyList<EtiquetteFinding>> CheckAsync(JudgedEvent judged, Interviewer interviewer, string subject, string htmlBody, CancellationToken ct)
    {
        var others = await store.OtherLettersAsync(judged.Event.Id, interviewer.Email, ct);
        var findings = EtiquetteChecker.Default.Check(new EtiquetteInput(interviewer, judged.Parties.Company, judged.Parties.Role, subject, htmlBody, others));
        await store.SaveLetterAsync(judged.Event.Id, interviewer.Email, interviewer.Name, htmlBody, ct);
        return findings;
    }

    public static bool HasErrors(IReadOnlyList<EtiquetteFinding> findings) =>
        findings.Any(f => string.Equals(f.Severity, "error", StringComparison.OrdinalIgnoreCase));
}
