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
public sealed record WrittenLetter(Letter Letter, IReadOnlyList<InterestMatch> Interests, IReadOnlyList<Gift> Gifts, Gift? Gift)
{
    /// <summary>The notes the letter was written from (the request's, else the ones saved before).</summary>
    public string Notes { get; init; } = "";

    /// <summary>The draft answer's JSON, made on first use: RecentLetters hands out this same instance for the same inputs.</summary>
    internal byte[]? Answer { get; set; }
}

/// <summary>
/// Writes the thank-you to one interviewer from the user's notes (interests, gift, composer) and keeps the notes and
/// the letter (encrypted) for the next draft and for the panel's etiquette check.
/// </summary>
public sealed class LetterWriter(FollowUpStore store, CurrentUser user, RecentDrafts recent, RecentLetters letters)
{
    public async Task<WrittenLetter> WriteAsync(JudgedEvent judged, Interviewer interviewer, LetterRequest request, CancellationToken ct)
    {
        var key = store.DraftKey(judged.Event.Id, interviewer.Email);

        // A redraft that changes nothing (the pane redrafts as the user types) costs no database round trip.
        if (recent.Find(key) is { } known)
        {
            var (again, unchanged) = Compose(key, judged, interviewer, request, known);
            if (unchanged is not null) return again;
        }

        using (await recent.LockAsync(key, ct))
        {
            var epoch = recent.Epoch;
            var record = await store.FindAsync(judged.Event.Id, interviewer.Email, ct);
            var stored = record is null ? null : store.Stored(record);
            var (written, kept) = Compose(key, judged, interviewer, request, stored);
            if (kept is null)
            {
                // One write, and none when a redraft changes nothing.
                var notesChanged = stored is null || request.Notes is not null && request.Notes != stored.Notes;
                var notes = notesChanged ? written.Notes : null;
                await store.SaveDraftAsync(judged.Event.Id, interviewer.Email, interviewer.Name, notes, written.Interests, written.Gift?.Url,
                    written.Letter.HtmlBody, ct, read: Task.FromResult(record));
                kept = new StoredDraft(notes ?? stored?.Notes, written.Gift?.Url, written.Letter.HtmlBody, FollowUpStore.Storable(interviewer.Name));
            }
            recent.Remember(key, kept, epoch);
            return written;
        }
    }

    /// <summary>
    /// The letter from the request and what the record holds (null: no record), and the record as it stands when it
    /// already holds exactly this draft (null: it must be written).
    /// </summary>
    private (WrittenLetter Written, StoredDraft? Unchanged) Compose(DraftKey key, JudgedEvent judged, Interviewer interviewer, LetterRequest request, StoredDraft? stored)
    {
        var inputs = new LetterInputs(judged, interviewer,
            Notes: request.Notes ?? stored?.Notes ?? "",
            GiftUrl: request.GiftUrl ?? (request.Notes is null ? stored?.GiftUrl : null),
            request.SenderName, request.TimeZone, user.Name);
        var written = letters.GetOrWrite(key, inputs, Write);
        var (letter, _, _, gift) = written;

        var unchanged = stored is not null
            && (request.Notes is null || request.Notes == stored.Notes)
            && stored.GiftUrl == gift?.Url
            && stored.Letter == letter.HtmlBody
            && stored.Name == FollowUpStore.Storable(interviewer.Name);
        return (written, unchanged ? stored : null);
    }

    private static WrittenLetter Write(LetterInputs inputs)
    {
        var (judged, interviewer, notes, giftUrl, senderName, timeZone, userName) = inputs;
        var interests = InterestExtractor.Default.Extract(notes);
        var gifts = interests.SelectMany(i => GiftCatalog.Default.For(i.Topic)).DistinctBy(g => g.Url).ToList();
        var gift = gifts.FirstOrDefault(g => g.Url == giftUrl) ?? gifts.FirstOrDefault();
        var letter = ThankYouComposer.Default.Compose(new LetterInput
        {
            Interviewer = interviewer,
            Panel = judged.Parties.Interviewers,
            Company = judged.Parties.Company,
            Role = judged.Parties.Role,
            EventId = judged.Event.Id,
            InterviewStart = judged.Event.Start,
            TimeZone = TimeZones.Find(timeZone) ?? TimeZones.Find(judged.Event.OriginalTimeZone),
            // A signature line never carries CR/LF (header injection if it ever reaches a subject or header).
            SenderName = string.IsNullOrWhiteSpace(senderName) ? userName : senderName.ReplaceLineEndings(" ").Trim(),
            Notes = notes,
            Interests = interests,
            MainInterestPhrase = interests.Count > 0 ? InterestExtractor.Default.PhraseFor(interests[0].Topic) : null,
            Gift = gift,
        });
        return new WrittenLetter(letter, interests, gifts, gift) { Notes = notes };
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
