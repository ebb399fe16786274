using System.Net.Mail;
using System.Text.Json;
using FollowUp.Api.Extensions;
using FollowUp.Api.Interviews;
using FollowUp.Api.Storage;
using FollowUp.Domain.Etiquette;
using FollowUp.Domain.Gifts;
using FollowUp.Domain.Interests;
using FollowUp.Domain.Interviewers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

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

/// <summary>A letter as the user edited it, to check before sending.</summary>
public sealed record CheckRequest(string? EventId, string? InterviewerEmail, string? Subject, string? HtmlBody);

/// <summary>What the etiquette check found (errors block a scheduled send; warnings and tips do not).</summary>
public sealed record CheckView(IReadOnlyList<EtiquetteFinding> Findings);

public static class DraftsApi
{
    public const int MaxNotesLength = 4000;
    /// <summary>Outlook's own limit for an HTML body handed to a new message.</summary>
    public const int MaxHtmlBodyBytes = 32 * 1024;
    public const int MaxSubjectLength = 255;

    public static IEndpointRouteBuilder MapDrafts(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/drafts").WithTags("Drafts");
        group.MapPost("/", Create)
            .WithSummary("Draft the thank-you to one interviewer")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Finds the interviewer's interests in the notes, suggests gift links, writes the letter (HTML and text) and saves the notes.");
        group.MapPost("/check", Check)
            .WithSummary("Check a letter's etiquette")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Runs the etiquette rules on the letter as the user edited it, next to the letters of the other panelists of the same interview, and keeps it for their checks.");
        return api;
    }

    /// <summary>Null when the edited letter is acceptable to store and send, else the problem.</summary>
    public static ValidationProblem? CheckLetter(string? subject, string? htmlBody)
    {
        if (string.IsNullOrWhiteSpace(subject)) return Problems.Invalid("subject", "subject is required.");
        if (subject.Length > MaxSubjectLength) return Problems.Invalid("subject", $"The subject may hold at most {MaxSubjectLength} characters.");
        if (string.IsNullOrWhiteSpace(htmlBody)) return Problems.Invalid("htmlBody", "htmlBody is required.");
        if (System.Text.Encoding.UTF8.GetByteCount(htmlBody) > MaxHtmlBodyBytes)
            return Problems.Invalid("htmlBody", $"htmlBody may hold at most {MaxHtmlBodyBytes / 1024} KB.");
        return null;
    }

    public static async Task<Results<Ok<CheckView>, ProblemHttpResult, ValidationProblem>> Check(
        CheckRequest request, InterviewDesk desk, LetterWriter writer, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.EventId)) return Problems.Invalid("eventId", "eventId is required.");
        if (string.IsNullOrWhiteSpace(request.InterviewerEmail)) return Problems.Invalid("interviewerEmail", "interviewerEmail is required.");
        if (CheckLetter(request.Subject, request.HtmlBody) is { } invalid) return invalid;

        var (judged, interviewer) = await desk.FindInterviewerAsync(request.EventId, request.InterviewerEmail, null, ct);
        if (judged is null) return Problems.NotFound("Unknown event", "The calendar has no event with this id.");
        if (interviewer is null) return Problems.NotFound("Unknown interviewer", "This person is not among the interviewers of the event.");
        return TypedResults.Ok(new CheckView(await writer.CheckAsync(judged, interviewer, request.Subject!, request.HtmlBody!, ct)));
    }

    public static async Task<Results<DraftAnswer, ProblemHttpResult, ValidationProblem>> Create(
        DraftRequest request, InterviewDesk desk, LetterWriter writer, IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.EventId)) return Problems.Invalid("eventId", "eventId is required.");
        if (string.IsNullOrWhiteSpace(request.InterviewerEmail) || !MailAddress.TryCreate(request.InterviewerEmail.Trim(), out _))
            return Problems.Invalid("interviewerEmail", "interviewerEmail must be an email address.");
        if (!FollowUpStore.CanKey(request.EventId, request.InterviewerEmail))
            return Problems.Invalid("eventId", $"eventId and interviewerEmail may hold at most {FollowUpStore.MaxEventIdLength} and {FollowUpStore.MaxEmailLength} characters, and no NUL.");
        if (request.Notes is { Length: > MaxNotesLength })
            return Problems.Invalid("notes", $"Notes may hold at most {MaxNotesLength} characters ({request.Notes.Length} sent).");

        var (judged, interviewer) = await desk.FindInterviewerAsync(request.EventId, request.InterviewerEmail, request.Event, ct);
        if (judged is null) return Problems.NotFound("Unknown event", "The calendar has no event with this id.");
        if (interviewer is null) return Problems.NotFound("Unknown interviewer", "This person is not among the interviewers of the event.");

        var written = await writer.WriteAsync(judged, interviewer,
            new LetterRequest(request.Notes, request.SenderName, request.GiftUrl, request.TimeZone), ct);
        // The letter is the same for the same inputs (and so is this instance): serialise its answer once.
        written.Answer ??= JsonSerializer.SerializeToUtf8Bytes(View(written, interviewer), json.Value.SerializerOptions);
        return new DraftAnswer(written.Answer);
    }

    private static DraftView View(WrittenLetter written, Interviewer interviewer)
    {
        var (letter, interests, gifts, gift) = written;
        return new DraftView([new Recipient(interviewer.Name, interviewer.Email)], letter.Subject, letter.HtmlBody, letter.TextBody, interests, gifts, gift);
    }
}
