using System.Globalization;

namespace FollowUp.Domain.SendTime;

/// <summary>When to send a thank-you, in the interviewer's time zone, and why.</summary>
/// <param name="SendAt">The moment to send; never before the <c>now</c> it was asked with.</param>
/// <param name="TimeZone">The zone the suggestion was planned in (the interviewer's, or "UTC" when unknown).</param>
/// <param name="Reasons">Human-readable sentences explaining the choice.</param>
public sealed record SendTimeSuggestion(DateTimeOffset SendAt, string TimeZone, IReadOnlyList<string> Reasons);

/// <summary>
/// Picks a send time for a thank-you: a few hours after the interview, inside the interviewer's working day,
/// within a day of the interview unless that would land on a weekend. Pure: the clock is a parameter.
/// </summary>
public sealed class SendTimeAdvisor
{
    public static SendTimeAdvisor Default { get; } = new();

    private static readonly TimeSpan SoonestGap = TimeSpan.FromHours(2);
    private static readonly TimeSpan IdealGap = TimeSpan.FromHours(3);
    private static readonly TimeSpan LatestGap = TimeSpan.FromHours(4);
    private static readonly TimeSpan FridayGap = TimeSpan.FromHours(1);
    private static readonly TimeSpan Deadline = TimeSpan.FromHours(24);
    private static readonly TimeOnly DayStarts = new(8, 0);
    private static readonly TimeOnly DayEnds = new(18, 0);
    // Mid-morning and early afternoon: inbox catch-up times, away from the start-of-day pile and end-of-day rush.
    private static readonly TimeOnly[] PreferredTimes = [new(9, 30), new(13, 30)];
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    private SendTimeAdvisor() { }

    /// <summary>Suggests when to send the thank-you for an interview that ends (or ended) at <paramref name="interviewEnd"/>.</summary>
    /// <param name="interviewEnd">When the interview ends.</param>
    /// <param name="interviewerZone">The interviewer's time zone; null plans in UTC.</param>
    /// <param name="now">The current time; the suggestion is never earlier.</param>
    public SendTimeSuggestion Suggest(DateTimeOffset interviewEnd, TimeZoneInfo? interviewerZone, DateTimeOffset now)
    {
        var zone = interviewerZone ?? TimeZoneInfo.Utc;
        var reasons = new List<string>
        {
            interviewerZone is null
                ? "The interviewer's time zone is unknown, so the timing is planned in UTC."
                : $"Timed for the interviewer's working day in their time zone ({zone.Id}).",
        };

        var planReasons = new List<string>();
        var planned = Plan(interviewEnd, zone, planReasons);
        if (planned >= now)
            return new SendTimeSuggestion(planned, zone.Id, [.. reasons, .. planReasons]);

        // The plan's own reasons would describe a moment that is gone; explain the catch-up instead.
        reasons.Add($"The best moment, {Describe(planned, zone)} their time, has already passed.");
        if (IsWorkingTime(now, zone))
        {
            reasons.Add("It is working hours for the interviewer now, so send it now.");
            return new SendTimeSuggestion(now, zone.Id, reasons);
        }

        var next = FirstPreferredSlotFrom(now, zone);
        reasons.Add($"It is outside the interviewer's working hours now, so it waits for {Describe(next, zone)} their time.");
        return new SendTimeSuggestion(next, zone.Id, reasons);
    }

    private static DateTimeOffset Plan(DateTimeOffset end, TimeZoneInfo zone, List<string> reasons)
    {
        var endLocal = TimeZoneInfo.ConvertTime(end, zone);
        var endDescribed = Describe(end, zone);

        if (IsWeekend(endLocal.DayOfWeek))
        {
            var monday = FirstPreferredSlotFrom(end + SoonestGap, zone);
            reasons.Add($"The interview ended on {endDescribed} their time, a weekend; a weekend email gets buried, so it goes on {Describe(monday, zone)}.");
            return monday;
        }

        if (SameDayWindow(end, zone) is { } inWindow)
        {
            var gap = inWindow - end;
            reasons.Add($"It goes {FormatGap(gap)} after the interview ended: soon enough to be remembered, not so soon that it looks automatic.");
            if (PreferredTimes.Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(inWindow, zone).DateTime)))
                reasons.Add($"{Describe(inWindow, zone)} is a time when people catch up on email.");
            return inWindow;
        }

        if (endLocal.DayOfWeek == DayOfWeek.Friday)
        {
            var friday = RoundUp(end + FridayGap);
            if (IsWorkingTime(friday, zone) && TimeZoneInfo.ConvertTime(friday, zone).DayOfWeek == DayOfWeek.Friday)
            {
                reasons.Add($"The interview ended late on Friday ({endDescribed} their time); sending {FormatGap(friday - end)} later, before 18:00, lands it before the weekend.");
                return friday;
            }
        }

        var next = FirstPreferredSlotFrom(end + SoonestGap, zone);
        if (next - end <= Deadline)
        {
            reasons.Add($"The interview ended at {endDescribed} their time, so a few hours later falls outside their working day (08:00–18:00); it waits for {Describe(next, zone)}, still within 24 hours.");
        }
        else
        {
            reasons.Add($"The interview ended at {endDescribed} their time and nothing fits inside their working day before the weekend; a weekend email gets buried, so it waits for {Describe(next, zone)}. The 24-hour rule yields to not landing on a weekend.");
        }
        return next;
    }

    /// <summary>The working-hours moment 2–4 hours after the end: a preferred time if one falls there, else the one nearest 3 hours.</summary>
    private static DateTimeOffset? SameDayWindow(DateTimeOffset end, TimeZoneInfo zone)
    {
        var candidates = new List<DateTimeOffset>();
        for (var t = RoundUp(end + SoonestGap); t <= end + LatestGap; t += Step)
        {
            if (IsWorkingTime(t, zone))
                candidates.Add(t);
        }
        if (candidates.Count == 0)
            return null;

        var preferred = candidates.FirstOrDefault(t => PreferredTimes.Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, zone).DateTime)));
        if (preferred != default)
            return preferred;

        var ideal = end + IdealGap;
        return candidates.OrderBy(t => (t - ideal).Duration()).ThenBy(t => t).First();
    }

    /// <summary>The first weekday preferred time (09:30 or 13:30 local) at or after <paramref name="from"/>.</summary>
    private static DateTimeOffset FirstPreferredSlotFrom(DateTimeOffset from, TimeZoneInfo zone)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        for (var day = 0; day < 8; day++, date = date.AddDays(1))
        {
            if (IsWeekend(date.DayOfWeek))
                continue;
            foreach (var time in PreferredTimes)
            {
                var slot = At(date, time, zone);
                if (slot >= from)
                    return slot;
            }
        }
        throw new InvalidOperationException("A week always has a weekday morning.");
    }

    private static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static bool IsWorkingTime(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return !IsWeekend(local.DayOfWeek) && time >= DayStarts && time < DayEnds;
    }

    private static bool IsWeekend(DayOfWeek day) => day is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateTimeOffset RoundUp(DateTimeOffset moment)
    {
        var remainder = moment.UtcTicks % Step.Ticks;
        return remainder == 0 ? moment : moment.AddTicks(Step.Ticks - remainder);
    }

    private static string Describe(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("dddd HH:mm", CultureInfo.InvariantCulture);

    private static string FormatGap(TimeSpan gap)
    {
        var hours = (int)gap.TotalHours;
        var minutes = gap.Minutes;
        var h = hours == 1 ? "1 hour" : $"{hours} hours";
        return minutes == 0 ? h : $"{h} {minutes} minutes";
    }
}
