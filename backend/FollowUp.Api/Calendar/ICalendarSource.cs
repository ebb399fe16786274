using FollowUp.Domain.Calendar;

namespace FollowUp.Api.Calendar;

/// <summary>The signed-in user's calendar, read through Microsoft Graph.</summary>
public interface ICalendarSource
{
    /// <summary>Every event (occurrences of series included) overlapping [from, to), all pages followed.</summary>
    Task<IReadOnlyList<CalendarEvent>> GetWindowAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>One event by its Graph id; null when the calendar has no such event.</summary>
    Task<CalendarEvent?> GetEventAsync(string id, CancellationToken ct);
}
