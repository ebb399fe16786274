using FollowUp.Domain.Calendar;

namespace FollowUp.Domain.FollowUps;

/// <summary>Where a thank-you to one interviewer stands. The wire names are the lower-case kebab forms.</summary>
public enum FollowUpStatus { Due, NotEnded, None, Drafted, Sent, Dismissed }

public static class FollowUpRules
{
    /// <summary>A letter owed for longer than this is overdue: thank-yous should go out within a day.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromHours(20);

    /// <summary>The statuses a user (or the lifecycle) may record; the others are derived from the calendar.</summary>
    public static readonly IReadOnlySet<FollowUpStatus> Recordable =
        new HashSet<FollowUpStatus> { FollowUpStatus.Due, FollowUpStatus.Drafted, FollowUpStatus.Sent, FollowUpStatus.Dismissed };

    public static string ToWire(this FollowUpStatus status) => status switch
    {
        FollowUpStatus.Due => "due",
        FollowUpStatus.NotEnded => "not-ended",
        FollowUpStatus.None => "none",
        FollowUpStatus.Drafted => "drafted",
        FollowUpStatus.Sent => "sent",
        FollowUpStatus.Dismissed => "dismissed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? wire, out FollowUpStatus status)
    {
        foreach (var candidate in Enum.GetValues<FollowUpStatus>())
            if (string.Equals(candidate.ToWire(), wire?.Trim(), StringComparison.OrdinalIgnoreCase)) { status = candidate; return true; }
        status = default;
        return false;
    }

    /// <summary>No follow-up for an interview that did not take place for the user.</summary>
    public static bool GetsNoFollowUp(CalendarEvent e) => e.IsCancelled || e.UserResponse == ResponseKind.Declined;

    /// <summary>The status of the letter to one interviewer, from the calendar and what was recorded.</summary>
    public static FollowUpStatus For(CalendarEvent e, FollowUpStatus? recorded, DateTimeOffset now)
    {
        if (GetsNoFollowUp(e)) return FollowUpStatus.None;
        if (e.End > now) return FollowUpStatus.NotEnded;
        return recorded is FollowUpStatus.Drafted or FollowUpStatus.Sent or FollowUpStatus.Dismissed ? recorded.Value : FollowUpStatus.Due;
    }

    /// <summary>One status for the whole interview: what most needs the user's attention.</summary>
    public static FollowUpStatus Overall(CalendarEvent e, IEnumerable<FollowUpStatus> perInterviewer, DateTimeOffset now)
    {
        if (GetsNoFollowUp(e)) return FollowUpStatus.None;
        if (e.End > now) return FollowUpStatus.NotEnded;
        var all = perInterviewer.ToList();
        if (all.Count == 0) return FollowUpStatus.None;
        foreach (var s in new[] { FollowUpStatus.Due, FollowUpStatus.Drafted, FollowUpStatus.Sent })
            if (all.Contains(s)) return s;
        return FollowUpStatus.Dismissed;
    }

    /// <summary>Still owed a letter: not sent and not dismissed.</summary>
    public static bool IsOwed(FollowUpStatus s) => s is FollowUpStatus.Due or FollowUpStatus.Drafted;
}
