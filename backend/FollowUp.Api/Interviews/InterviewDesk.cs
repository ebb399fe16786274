using System.Runtime.CompilerServices;
using FollowUp.Api.Calendar;
using FollowUp.Api.Identity;
using FollowUp.Api.Mail;
using FollowUp.Api.Storage;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;
using FollowUp.Domain.FollowUps;
using FollowUp.Domain.Interviewers;

namespace FollowUp.Api.Interviews;

/// <summary>An event with the domain's judgement on it.</summary>
public sealed record JudgedEvent(CalendarEvent Event, InterviewAssessment Assessment, InterviewParties Parties, MailboxOwner Owner);

/// <summary>
/// Where the calendar (Graph), the domain's judgement and the user's records meet: interviews with the status of
/// every thank-you, and the list of those due.
/// </summary>
public sealed class InterviewDesk(ICalendarSource calendar, Lazy<SentItems> sentItems, FollowUpStore store, CurrentUser user, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLookBack = TimeSpan.FromDays(14);
    public static readonly TimeSpan DefaultLookAhead = TimeSpan.FromDays(14);

    public DateTimeOffset Now => clock.GetUtcNow();

    public MailboxOwner Owner(IEnumerable<CalendarEvent> events) =>
        !string.IsNullOrWhiteSpace(user.Email)
            ? new MailboxOwner(user.Name, user.Email)
            : MailboxOwnerInference.Infer(events) ?? new MailboxOwner(user.Name, "");

    // Cached calendar windows hand out the same event instances: judge each once per owner, not once per request.
    private static readonly ConditionalWeakTable<CalendarEvent, JudgedEvent> Judged = new();

    public static JudgedEvent Judge(CalendarEvent e, MailboxOwner owner)
    {
        if (Judged.TryGetValue(e, out var known) && known.Owner == owner) return known;
        var judged = new JudgedEvent(e, InterviewDetector.Default.Assess(e, owner), InterviewerResolver.Default.Resolve(e, owner), owner);
        Judged.AddOrUpdate(e, judged);
        return judged;
    }

    public async Task<IReadOnlyList<InterviewView>> InterviewsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var events = await calendar.GetWindowAsync(from, to, ct);
        var owner = Owner(events);
        var interviews = events.Select(e => Judge(e, owner)).Where(j => j.Assessment.IsInterview).ToList();
        var records = await store.ForEventsAsync(interviews.Select(j => j.Event.Id).Distinct().ToList(), ct);
        return interviews.Select(j => View(j, records)).ToList();
    }

    /// <summary>
    /// Ended interviews with interviewers still owed a letter, freshest first. Letters the user already sent (found in
    /// Sent Items, one Graph call chain for the whole window) are recorded as sent and drop off.
    /// </summary>
    public async Task<IReadOnlyList<DueFollowUpView>> DueAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var now = Now;
        var ended = (await InterviewsAsync(from, to, ct)).Where(i => i.End <= now.UtcDateTime).ToList();
        ended = await RecordSentThankYousAsync(ended, ct);
        return ended
            .Select(i => (Interview: i, Owed: i.Interviewers.Where(p => IsOwed(p.Status)).ToList()))
            .Where(x => x.Owed.Count > 0)
            .OrderByDescending(x => x.Interview.End)
            .Select(x =>
            {
                var hours = (now.UtcDateTime - x.Interview.End).TotalHours;
                var overdue = hours > FollowUpRules.OverdueAfter.TotalHours && x.Owed.Any(p => p.Status == "due");
                return new DueFollowUpView(x.Interview.EventId, x.Interview.Subject, x.Interview.Company, x.Interview.Role,
                    x.Interview.Start, x.Interview.End, Math.Round(hours, 1), overdue, x.Owed);
            })
            .ToList();
    }

    private static bool IsOwed(string status) => FollowUpRules.TryParse(status, out var s) && FollowUpRules.IsOwed(s);

    private async Task<List<InterviewView>> RecordSentThankYousAsync(List<InterviewView> ended, CancellationToken ct)
    {
        var owed = ended.SelectMany(i => i.Interviewers.Where(p => IsOwed(p.Status))
            .Select(p => new OwedLetter(i.EventId, p.Email, p.Name, new DateTimeOffset(DateTime.SpecifyKind(i.End, DateTimeKind.Utc)))))
            .ToList();
        if (owed.Count == 0) return ended;

        var sent = await sentItems.Value.SinceAsync(owed.Min(o => o.InterviewEnd), ct);
        var found = SentThankYous.Match(owed, sent).ToList();
        if (found.Count == 0) return ended;
        // A letter Exchange still holds for a scheduled send has not gone out, wherever a mailbox shows it meanwhile.
        var records = await store.ForEventsAsync(found.Select(f => f.Letter.EventId).Distinct().ToList(), ct);
        found.RemoveAll(f => records.TryGetValue((f.Letter.EventId, FollowUpStore.Key(f.Letter.Email)), out var r) && r.ScheduledSendAt > Now);
        if (found.Count == 0) return ended;
        foreach (var thanks in found)
            await store.MarkSentAsync(thanks.Letter.EventId, thanks.Letter.Email, thanks.Letter.Name, thanks.SentAt, ct);

        var sentTo = found.Select(f => (f.Letter.EventId, FollowUpStore.Key(f.Letter.Email))).ToHashSet();
        return ended.Select(i => i with
        {
            Interviewers = i.Interviewers.Select(p => sentTo.Contains((i.EventId, FollowUpStore.Key(p.Email))) ? p with { Status = FollowUpStatus.Sent.ToWire() } : p).ToList(),
        }).ToList();
    }

    /// <summary>The event and the interviewer named by <paramref name="email"/> in it (either null when unknown).</summary>
    public async Task<(JudgedEvent? Judged, Interviewer? Interviewer)> FindInterviewerAsync(string eventId, string email, AppointmentItem? item, CancellationToken ct)
    {
        var judged = await FindAsync(eventId, item, ct);
        var interviewer = judged?.Parties.Interviewers.FirstOrDefault(p => string.Equals(p.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
        return (judged, interviewer);
    }

    /// <summary>The event from the calendar, or (for an item the calendar does not know) as Outlook described it.</summary>
    public async Task<JudgedEvent?> FindAsync(string eventId, AppointmentItem? item, CancellationToken ct)
    {
        var e = await calendar.GetEventAsync(eventId, ct) ?? (item is null ? null : FromItem(eventId, item));
        if (e is null) return null;
        return Judge(e, Owner([e]));
    }

    public async Task<InterviewView> ViewAsync(JudgedEvent judged, CancellationToken ct)
    {
        var records = await store.ForEventsAsync([judged.Event.Id], ct);
        return View(judged, records);
    }

    private InterviewView View(JudgedEvent j, IReadOnlyDictionary<(string, string), FollowUpRecord> records)
    {
        var now = Now;
        var e = j.Event;
        var people = j.Parties.Interviewers.Select(p =>
        {
            records.TryGetValue((e.Id, FollowUpStore.Key(p.Email)), out var record);
            var status = FollowUpRules.For(e, FollowUpStore.Recorded(record), now);
            return (Person: p, Status: status);
        }).ToList();
        var overall = j.Assessment.IsInterview ? FollowUpRules.Overall(e, people.Select(p => p.Status), now) : FollowUpStatus.None;
        return new InterviewView(
            e.Id, e.Subject, e.Start.UtcDateTime, e.End.UtcDateTime, j.Parties.Company, j.Parties.Role,
            Math.Round(j.Assessment.Confidence, 2), j.Assessment.Reasons, j.Assessment.Kind,
            string.IsNullOrWhiteSpace(e.Location) ? null : e.Location, j.Assessment.IsInterview,
            people.Select(p => new InterviewerView(p.Person.Name, p.Person.FirstName, p.Person.Email, p.Status.ToWire())).ToList(),
            overall.ToWire());
    }

    public static CalendarEvent FromItem(string eventId, AppointmentItem item) => new()
    {
        Id = eventId,
        Subject = item.Subject ?? "",
        BodyText = item.Body ?? "",
        Location = item.Location ?? "",
        Start = item.Start ?? DateTimeOffset.MinValue,
        End = item.End ?? item.Start ?? DateTimeOffset.MinValue,
        Organizer = new EmailAddress(item.Organizer?.Name ?? "", item.Organizer?.Email ?? ""),
        Attendees = (item.Attendees ?? []).Select(a => new Attendee(
            new EmailAddress(a.Name ?? "", a.Email ?? ""),
            a.Type?.ToLowerInvariant() switch { "optional" => AttendeeType.Optional, "resource" => AttendeeType.Resource, _ => AttendeeType.Required })).ToList(),
    };
}
