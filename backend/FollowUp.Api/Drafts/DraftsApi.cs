using System.Net.Mail;
using FollowUp.Api.Extensions;
using FollowUp.Api.Identity;
using FollowUp.Api.Interviews;
using FollowUp.Api.Storage;
using FollowUp.Domain.Gifts;
using FollowUp.Domain.Interests;
using FollowUp.Domain.Letters;
using FollowUp.Domain.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FollowUp.Api.Drafts;

/// <summary>Ask for the thank-you to one interviewer.</summary>
/// <param name="EventId">The Graph id of the interview.</param>
/// <param name="InterviewerEmail">Whom the letter is for.</param>
/// <param name="Notes">What the user remembers of the conversation (at most 4,000 characters); omitted: the notes saved before.</param>
/// <param name="SenderName">How to sign; default: the user's name.</param>
/// <param name="GiftUrl">The gift link the user chose among the suggestions; default: the first.</param>
/// <param name="TimeZone">The user's time zone (Windows or IANA id), to name the day of the interview.</param>
/// <param name="Event">The appointment as Outlook shows it, for events the calendar does not hold.</param>
public sealed record DraftRequest(
    string? EventId, string? InterviewerEmail, string? Notes, string? SenderName, string? GiftUrl, string? TimeZone, AppointmentItem? Event);

public sealed record Recipient(string Name, string Email);

/// <summary>A letter ready for a new message, with what it was built from.</summary>
public sealed record DraftView(
    IReadOnlyList<Recipient> To, string Subject, string HtmlBody, string TextBody,
    IReadOnlyList<InterestMatch> Interests, IReadOnlyList<Gift> Gifts, Gift? Gift);

public static class DraftsApi
{
    public const int MaxNotesLength = 4000;

    public static IEndpointRouteBuilder MapDrafts(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/drafts").WithTags("Drafts");
        group.MapPost("/", Create)
            .WithSummary("Draft the thank-you to one interviewer")
            .WithDescription("Finds the interviewer's interests in the notes, suggests gift links, writes the letter (HTML and text) and saves the notes.");
        return api;
    }

    public static async Task<Results<Ok<DraftView>, NotFound<ProblemDetails>, ValidationProblem>> Create(
        DraftRequest request, InterviewDesk desk, FollowUpStore store, CurrentUser user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.EventId)) return Problems.Invalid("eventId", "eventId is required.");
        if (string.IsNullOrWhiteSpace(request.InterviewerEmail) || !MailAddress.TryCreate(request.InterviewerEmail.Trim(), out _))
            return Problems.Invalid("interviewerEmail", "interviewerEmail must be an email address.");
        if (request.Notes is { Length: > MaxNotesLength })
            return Problems.Invalid("notes", $"Notes may hold at most {MaxNotesLength} characters ({request.Notes.Length} sent).");

        var judged = await desk.FindAsync(request.EventId, request.Event, ct);
        if (judged is null) return Problems.NotFound("Unknown event", "The calendar has no event with this id.");
        var email = request.InterviewerEmail.Trim();
        var interviewer = judged.Parties.Interviewers.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
        if (interviewer is null) return Problems.NotFound("Unknown interviewer", "This person is not among the interviewers of the event.");

        var record = await store.FindAsync(request.EventId, email, ct);
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
            EventId = judged.Event.Id,
            InterviewStart = judged.Event.Start,
            TimeZone = TimeZones.Find(request.TimeZone) ?? TimeZones.Find(judged.Event.OriginalTimeZone),
            SenderName = string.IsNullOrWhiteSpace(request.SenderName) ? user.Name : request.SenderName.Trim(),
            Notes = notes,
            Interests = interests,
            MainInterestPhrase = interests.Count > 0 ? InterestExtractor.Default.PhraseFor(interests[0].Topic) : null,
            Gift = gift,
        });

        if (request.Notes is not null || record is null)
            await store.SaveNotesAsync(request.EventId, email, interviewer.Name, notes, interests, gift?.Url, ct);

        return TypedResults.Ok(new DraftView([new Recipient(interviewer.Name, interviewer.Email)], letter.Subject, letter.HtmlBody, letter.TextBody, interests, gifts, gift));
    }
}
