using FollowUp.Api.Drafts;
using FollowUp.Api.Extensions;
using FollowUp.Api.Interviews;
using FollowUp.Api.Mail;
using FollowUp.Api.Storage;
using FollowUp.Domain.FollowUps;
using FollowUp.Domain.Interviewers;
using FollowUp.Domain.SendTime;
using FollowUp.Domain.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FollowUp.Api.FollowUps;

/// <summary>The status a client records for one thank-you: due, drafted, sent or dismissed.</summary>
public sealed record StatusChange(string? Status);

/// <summary>How many letters are owed, and how many of those for more than 20 hours (for the pane's badge).</summary>
public sealed record FollowUpSummary(int Due, int Overdue);

/// <summary>
/// Put the letter in Outlook's Drafts. Subject and htmlBody (both) send the letter as the user edited it; without
/// them the letter is written as <c>POST /api/drafts</c> does, from notes (omitted: the saved ones), sender name and gift.
/// </summary>
public sealed record OutlookDraftRequest(string? Notes, string? SenderName, string? GiftUrl, string? Subject, string? HtmlBody, string? TimeZone);

/// <summary>The draft in the user's mailbox; created is false when it was already there.</summary>
public sealed record OutlookDraftView(string Id, string? WebLink, bool Created);

/// <summary>When to send, in the interviewer's time zone (UTC when unknown), and why.</summary>
public sealed record SendTimeView(DateTimeOffset SendAt, string TimeZone, IReadOnlyList<string> Reasons);

/// <summary>Send the letter at <c>sendAt</c> (within 7 days, not at night for the interviewer); the letter as for outlook-draft.</summary>
public sealed record ScheduleRequest(DateTimeOffset? SendAt, string? Notes, string? SenderName, string? GiftUrl, string? Subject, string? HtmlBody, string? TimeZone);

/// <summary>The message Exchange holds until <c>sendAt</c>.</summary>
public sealed record ScheduledView(string Id, string? WebLink, DateTimeOffset SendAt);

public static class FollowUpsApi
{
    public static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(7);
    /// <summary>No letter lands between 21:00 and 07:00 the interviewer's time.</summary>
    public static readonly TimeOnly NightStarts = new(21, 0), NightEnds = new(7, 0);

    public static IEndpointRouteBuilder MapFollowUps(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/followups").WithTags("Follow-ups");
        group.MapGet("/due", Due)
            .WithSummary("Thank-yous due, freshest first")
            .WithDescription("Ended interviews (not cancelled or declined) with interviewers not yet sent a letter nor dismissed. Letters found in Sent Items (sent to the interviewer, to/cc/bcc, after the interview ended) are recorded as sent. Looks back 14 days by default.");
        group.MapGet("/summary", Summary)
            .WithSummary("How many thank-yous are due and overdue")
            .WithDescription("Counts letters (one per interviewer) over the default due window; overdue: owed for more than 20 hours and not yet drafted.");
        group.MapPut("/{eventId}/{interviewerEmail}/status", SetStatus)
            .WithSummary("Record where a thank-you stands")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{eventId}/{interviewerEmail}/outlook-draft", OutlookDraft)
            .WithSummary("Put the letter in Outlook's Drafts (once)")
            .WithDescription("Idempotent: repeated or concurrent calls return the same draft (created: false). The follow-up becomes drafted.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{eventId}/{interviewerEmail}/send-time", SendTime)
            .WithSummary("When to send the thank-you")
            .WithDescription("A moment in the interviewer's working day (their zone: the event's original time zone, else UTC), with reasons.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{eventId}/{interviewerEmail}/schedule", Schedule)
            .WithSummary("Send the letter later, through Exchange")
            .WithDescription("Makes (or finds) the Outlook draft, checks its etiquette and sends it with a deferred send time. The follow-up stays drafted, with the scheduled time, until the letter shows up in Sent Items.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{eventId}/{interviewerEmail}/schedule", CancelSchedule)
            .WithSummary("Cancel a scheduled send")
            .WithDescription("Deletes the held message (from Drafts or Outbox) before its time; the follow-up is due again.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<DueFollowUpView>>, ValidationProblem>> Due(
        DateTimeOffset? from, DateTimeOffset? to, InterviewDesk desk, CancellationToken ct)
    {
        var now = desk.Now;
        var window = (From: from ?? now - InterviewDesk.DefaultLookBack, To: to ?? now);
        if (Window.Check(window.From, window.To) is { } problem) return problem;
        // Only ended interviews can be due, so without a 'to' read the interviews' default window: the pane's two
        // calls on opening then share one cached calendar read.
        var read = to is null && from is null ? now + InterviewDesk.DefaultLookAhead : window.To;
        return TypedResults.Ok(await desk.DueAsync(window.From, read, ct));
    }

    public static async Task<Ok<FollowUpSummary>> Summary(InterviewDesk desk, CancellationToken ct)
    {
        var now = desk.Now;
        var due = await desk.DueAsync(now - InterviewDesk.DefaultLookBack, now, ct);
        var overdue = due.Where(d => d.HoursSinceEnd > FollowUpRules.OverdueAfter.TotalHours).Sum(d => d.Interviewers.Count(p => p.Status == "due"));
        return TypedResults.Ok(new FollowUpSummary(due.Sum(d => d.Interviewers.Count), overdue));
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> SetStatus(
        string eventId, string interviewerEmail, StatusChange change, InterviewDesk desk, FollowUpStore store, CancellationToken ct)
    {
        if (!FollowUpRules.TryParse(change.Status, out var status) || !FollowUpRules.Recordable.Contains(status))
            return Problems.Invalid("status", "status must be one of: due, drafted, sent, dismissed.");
        if (!FollowUpStore.CanKey(eventId, interviewerEmail))
            return Problems.Invalid("eventId", $"eventId and interviewerEmail may hold at most {FollowUpStore.MaxEventIdLength} and {FollowUpStore.MaxEmailLength} characters, and no NUL.");
        if (await store.FindAsync(eventId, interviewerEmail, ct) is null)
        {
            var judged = await desk.FindAsync(eventId, null, ct);
            if (judged is null) return Problems.NotFound("Unknown event", "The calendar has no event with this id.");
            if (!judged.Parties.Interviewers.Any(p => string.Equals(p.Email, interviewerEmail.Trim(), StringComparison.OrdinalIgnoreCase)))
                return Problems.NotFound("Unknown interviewer", "This person is not among the interviewers of the event.");
        }
        await store.SetStatusAsync(eventId, interviewerEmail, status, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<OutlookDraftView>, ProblemHttpResult, ValidationProblem>> OutlookDraft(
        string eventId, string interviewerEmail, [FromBody] OutlookDraftRequest? request, InterviewDesk desk, LetterWriter writer, OutlookDrafter drafter, CancellationToken ct)
    {
        request ??= new OutlookDraftRequest(null, null, null, null, null, null);
        if (request.Notes is { Length: > DraftsApi.MaxNotesLength })
            return Problems.Invalid("notes", $"Notes may hold at most {DraftsApi.MaxNotesLength} characters.");
        if (Edited(request.Subject, request.HtmlBody) is { } invalid) return invalid;

        var (judged, interviewer) = await desk.FindInterviewerAsync(eventId, interviewerEmail, null, ct);
        if (judged is null) return Problems.NotFound("Unknown event", "The calendar has no event with this id.");
        if (interviewer is null) return Problems.NotFound("Unknown interviewer", "This person is not among the interviewers of the event.");

        var (subject, html) = await LetterAsync(judged, interviewer, request.Subject, request.HtmlBody,
            new LetterRequest(request.Notes, request.SenderName, request.GiftUrl, request.TimeZone), writer, ct);
        var draft = await drafter.EnsureAsync(eventId, interviewer, subject, html, ct);
        if (draft is null) return Busy();
        return TypedResults.Ok(new OutlookDraftView(draft.Id, draft.WebLink, draft.Created));
    }

    public static async Task<Results<Ok<SendTimeView>, ProblemHttpResult>> SendTime(
        string eventId, string interviewerEmail, InterviewDesk desk, CancellationToken ct)
    {
        var (judged, interviewer) = await desk.FindInterviewerAsync(eventId, interviewerEmail, null, ct);
        if (judged is null) return Problems.NotFound("Unknown event", "The calendar has no event with this id.");
        if (interviewer is null) return Problems.NotFound("Unknown interviewer", "This person is not among the interviewers of the event.");
        var suggestion = SendTimeAdvisor.Default.Suggest(judged.Event.End, TimeZones.Find(judged.Event.OriginalTimeZone), desk.Now);
        return TypedResults.Ok(new SendTimeView(suggestion.SendAt, suggestion.TimeZone, suggestion.Reasons));
    }

    public static async Task<Results<Ok<ScheduledView>, ProblemHttpResult, ValidationProblem>> Schedule(
        string eventId, string interviewerEmail, ScheduleRequest request, InterviewDesk desk, FollowUpStore store,
        LetterWriter writer, OutlookDrafter drafter, OutlookMail mail, CancellationToken ct)
    {
        var now = desk.Now;
        if (request.SendAt is not { } sendAt) return Problems.Invalid("sendAt", "sendAt is required.");
        if (sendAt <= now) return Problems.Invalid("sendAt", "sendAt must be in the future.");
        if (sendAt > now + MaxScheduleAhead) return Problems.Invalid("sendAt", $"sendAt may be at most {MaxScheduleAhead.TotalDays:0} days ahead.");
        if (request.Notes is { Length: > DraftsApi.MaxNotesLength })
            return Problems.Invalid("notes", $"Notes may hold at most {DraftsApi.MaxNotesLength} characters.");
        if (Edited(request.Subject, request.HtmlBody) is { } invalid) return invalid;

        var (judged, interviewer) = await desk.FindInterviewerAsync(eventId, interviewerEmail, null, ct);
        if (judged is null) return Problems.NotFound("Unknown event", "The calendar has no event with this id.");
        if (interviewer is null) return Problems.NotFound("Unknown interviewer", "This person is not among the interviewers of the event.");

        var zone = TimeZones.Find(judged.Event.OriginalTimeZone) ?? TimeZoneInfo.Utc;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(sendAt, zone).DateTime);
        if (local >= NightStarts || local < NightEnds)
            return Problems.Invalid("sendAt", $"{local:HH:mm} is night for the interviewer ({zone.Id}); choose a time between {NightEnds:HH:mm} and {NightStarts:HH:mm} their time.");

        var record = await store.FindAsync(eventId, interviewer.Email, ct);
        var status = FollowUpRules.For(judged.Event, FollowUpStore.Recorded(record), now);
        if (!FollowUpRules.IsOwed(status))
            return Conflict("No letter is owed", $"The thank-you to this interviewer is {status.ToWire()}.");
        if (record?.ScheduledSendAt > now)
            return Conflict("Already scheduled", "This letter is already scheduled; cancel it first to choose another time.");

        var (subject, html) = await LetterAsync(judged, interviewer, request.Subject, request.HtmlBody,
            new LetterRequest(request.Notes, request.SenderName, request.GiftUrl, request.TimeZone), writer, ct);
        var draft = await drafter.EnsureAsync(eventId, interviewer, subject, html, ct);
        if (draft is null) return Busy();

        // What goes out is the draft as it stands in Outlook (the user may have edited it there).
        var content = draft.Created ? new MailContent(subject, html) : await mail.ReadAsync(draft.Id, ct);
        if (content is null) return Conflict("The draft is gone", "The Outlook draft was deleted meanwhile; try again.");
        var findings = await writer.CheckAsync(judged, interviewer, content.Subject, content.HtmlBody, ct);
        if (LetterWriter.HasErrors(findings))
            return TypedResults.Problem(title: "The letter needs a fix first", detail: "The etiquette check found errors; see findings.",
                statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["findings"] = findings });

        await mail.ScheduleSendAsync(draft.Id, sendAt, ct);
        await store.UpsertAsync(eventId, interviewer.Email, r => r.ScheduledSendAt = sendAt, ct);
        return TypedResults.Ok(new ScheduledView(draft.Id, draft.WebLink, sendAt));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> CancelSchedule(
        string eventId, string interviewerEmail, InterviewDesk desk, FollowUpStore store, OutlookDrafter drafter, OutlookMail mail, CancellationToken ct)
    {
        var record = await store.FindAsync(eventId, interviewerEmail, ct);
        if (record?.ScheduledSendAt is not { } scheduled)
            return Problems.NotFound("Nothing scheduled", "No send is scheduled for this letter.");
        if (scheduled <= desk.Now)
            return Conflict("Already sent", "The scheduled time has passed; the letter has gone out.");

        var key = drafter.KeyFor(eventId, interviewerEmail);
        var held = await mail.FindAsync(key, "drafts", ct) ?? await mail.FindAsync(key, "outbox", ct);
        if (held is null)
        {
            // Sent or deleted in Outlook meanwhile: forget the schedule so the user can act again; Sent Items will tell which.
            await store.UpsertAsync(eventId, interviewerEmail, r => { r.ScheduledSendAt = null; r.OutlookDraftId = null; r.OutlookDraftWebLink = null; }, ct);
            return Conflict("Not found in Drafts or Outbox", "The held letter is gone: it was sent or deleted in Outlook.");
        }
        await mail.DeleteAsync(held.Id, ct);
        await store.UpsertAsync(eventId, interviewerEmail, r =>
        {
            r.ScheduledSendAt = null;
            r.OutlookDraftId = null;
            r.OutlookDraftWebLink = null;
            if (r.Status == "drafted") { r.Status = FollowUpStatus.Due.ToWire(); r.StatusChangedAt = desk.Now; }
        }, ct);
        return TypedResults.NoContent();
    }

    private static ValidationProblem? Edited(string? subject, string? htmlBody) =>
        subject is null && htmlBody is null ? null : DraftsApi.CheckLetter(subject, htmlBody);

    /// <summary>The user's edited letter when given (kept for the panel check), else a freshly written one.</summary>
    private static async Task<(string Subject, string Html)> LetterAsync(
        JudgedEvent judged, Interviewer interviewer, string? subject, string? html, LetterRequest request, LetterWriter writer, CancellationToken ct)
    {
        if (subject is not null && html is not null)
        {
            await writer.KeepAsync(judged, interviewer, html, ct);
            return (subject, html);
        }
        var written = await writer.WriteAsync(judged, interviewer, request, ct);
        return (written.Letter.Subject, written.Letter.HtmlBody);
    }

    private static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);

    private static ProblemHttpResult Busy() =>
        Conflict("The draft is being made", "Another request is creating this draft right now; try again in a moment.");
}
