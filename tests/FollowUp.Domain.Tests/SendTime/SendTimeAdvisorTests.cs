using System.Globalization;
using FollowUp.Domain.SendTime;

namespace FollowUp.Domain.Tests.SendTime;

public class SendTimeAdvisorTests
{
    private static readonly SendTimeAdvisor Advisor = SendTimeAdvisor.Default;

    public static readonly TheoryData<string> Zones = new()
    {
        "America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney",
    };

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    /// <summary>A wall-clock time in a zone, e.g. "2026-11-24 16:30" (2026-11-24 is a Tuesday).</summary>
    private static DateTimeOffset Local(TimeZoneInfo zone, string wallClock)
    {
        var local = DateTime.ParseExact(wallClock, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static DateTime LocalOf(SendTimeSuggestion s, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(s.SendAt, zone).DateTime;

    [Theory]
    [MemberData(nameof(Zones))]
    public void A_morning_interview_gets_its_note_a_few_hours_later_the_same_day(string id)
    {
        var zone = Zone(id);
        var end = Local(zone, "2026-11-24 11:00");

        var s = Advisor.Suggest(end, zone, end);

        Assert.InRange(s.SendAt - end, TimeSpan.FromHours(2), TimeSpan.FromHours(4));
        Assert.Equal(new DateTime(2026, 11, 24, 13, 30, 0), LocalOf(s, zone));
        Assert.Equal(id, s.TimeZone);
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void A_late_afternoon_interview_waits_for_next_mid_morning(string id)
    {
        var zone = Zone(id);
        var end = Local(zone, "2026-11-24 16:30");

        var s = Advisor.Suggest(end, zone, end);

        Assert.Equal(new DateTime(2026, 11, 25, 9, 30, 0), LocalOf(s, zone));
        Assert.True(s.SendAt - end <= TimeSpan.FromHours(24));
        Assert.Contains(s.Reasons, r => r.Contains("24 hours", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void A_friday_late_afternoon_interview_is_thanked_before_the_weekend_when_an_hour_still_fits(string id)
    {
        var zone = Zone(id);
        var end = Local(zone, "2026-11-27 16:30");

        var s = Advisor.Suggest(end, zone, end);

        var local = LocalOf(s, zone);
        Assert.Equal(DayOfWeek.Friday, local.DayOfWeek);
        Assert.True(local.TimeOfDay < new TimeSpan(18, 0, 0));
        Assert.True(s.SendAt - end >= TimeSpan.FromHours(1));
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void A_friday_evening_interview_waits_for_monday_morning_and_says_why(string id)
    {
        var zone = Zone(id);
        var end = Local(zone, "2026-11-27 17:15");

        var s = Advisor.Suggest(end, zone, end);

        var local = LocalOf(s, zone);
        Assert.Equal(new DateOnly(2026, 11, 30), DateOnly.FromDateTime(local));
        Assert.InRange(local.TimeOfDay, new TimeSpan(9, 0, 0), new TimeSpan(10, 0, 0));
        Assert.Contains(s.Reasons, r => r.Contains("24-hour rule yields", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-11-28 10:00")]
    [InlineData("2026-11-28 22:00")]
    [InlineData("2026-11-29 11:00")]
    [InlineData("2026-11-29 23:30")]
    public void Weekend_interviews_are_thanked_on_monday_morning(string wallClock)
    {
        var zone = Zone("Europe/London");
        var end = Local(zone, wallClock);

        var s = Advisor.Suggest(end, zone, end);

        var local = LocalOf(s, zone);
        Assert.Equal(new DateOnly(2026, 11, 30), DateOnly.FromDateTime(local));
        Assert.InRange(local.TimeOfDay, new TimeSpan(9, 0, 0), new TimeSpan(10, 0, 0));
        Assert.Contains(s.Reasons, r => r.Contains("weekend", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_time_zone_is_planned_in_utc_and_says_so()
    {
        var end = new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.Zero);

        var s = Advisor.Suggest(end, null, end);

        Assert.Equal("UTC", s.TimeZone);
        Assert.Contains(s.Reasons, r => r.Contains("unknown", StringComparison.Ordinal) && r.Contains("UTC", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero), s.SendAt);
    }

    [Fact]
    public void An_interviewer_abroad_is_not_written_to_in_their_night()
    {
        // 16:00 in Seattle is 09:00 the next morning in Tokyo: their morning, not the candidate's evening, decides.
        var seattle = Zone("America/Los_Angeles");
        var tokyo = Zone("Asia/Tokyo");
        var end = Local(seattle, "2026-11-23 16:00");

        var s = Advisor.Suggest(end, tokyo, end);

        Assert.Equal(new DateTime(2026, 11, 24, 11, 30, 0).Date, LocalOf(s, tokyo).Date);
        Assert.InRange(s.SendAt - end, TimeSpan.FromHours(2), TimeSpan.FromHours(4));
        Assert.InRange(LocalOf(s, tokyo).TimeOfDay, new TimeSpan(8, 0, 0), new TimeSpan(18, 0, 0));
    }

    [Fact]
    public void When_the_best_moment_passed_during_working_hours_it_is_sent_now()
    {
        var zone = Zone("America/New_York");
        var end = Local(zone, "2026-11-24 09:00");
        var now = Local(zone, "2026-11-24 15:10");

        var s = Advisor.Suggest(end, zone, now);

        Assert.Equal(now, s.SendAt);
        Assert.Contains(s.Reasons, r => r.Contains("already passed", StringComparison.Ordinal));
        Assert.DoesNotContain(s.Reasons, r => r.Contains("after the interview ended", StringComparison.Ordinal));
    }

    [Fact]
    public void When_the_best_moment_passed_at_night_it_waits_for_the_next_morning()
    {
        var zone = Zone("Europe/Berlin");
        var end = Local(zone, "2026-11-24 09:00");
        var now = Local(zone, "2026-11-24 22:40");

        var s = Advisor.Suggest(end, zone, now);

        Assert.Equal(new DateTime(2026, 11, 25, 9, 30, 0), LocalOf(s, zone));
    }

    [Fact]
    public void Asking_while_the_interview_is_still_running_plans_after_it_ends()
    {
        var zone = Zone("Asia/Kolkata");
        var end = Local(zone, "2026-11-25 12:00");

        var s = Advisor.Suggest(end, zone, end.AddMinutes(-40));

        Assert.InRange(s.SendAt - end, TimeSpan.FromHours(2), TimeSpan.FromHours(4));
    }

    [Fact]
    public void Suggestions_are_deterministic()
    {
        var zone = Zone("Australia/Sydney");
        var end = Local(zone, "2026-11-26 19:20");

        var a = Advisor.Suggest(end, zone, end);
        var b = Advisor.Suggest(end, zone, end);

        Assert.Equal(a.SendAt, b.SendAt);
        Assert.Equal(a.Reasons, b.Reasons);
    }

    // Five weeks across the 2026 spring DST changes (US 8 March, Europe 29 March, Sydney 5 April), every 97 minutes.
    public static IEnumerable<object[]> Ends()
    {
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        for (var t = start; t < start.AddDays(36); t = t.AddMinutes(97))
            yield return [t];
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void Every_suggestion_is_in_the_future_in_daytime_and_within_a_day_unless_a_weekend_intervenes(string id)
    {
        var zone = Zone(id);
        var failures = new List<string>();
        TimeSpan[] askedAfterEnd = [TimeSpan.FromMinutes(-45), TimeSpan.Zero, TimeSpan.FromMinutes(30), TimeSpan.FromHours(5), TimeSpan.FromHours(30)];

        foreach (var end in Ends().Select(e => (DateTimeOffset)e[0]))
        foreach (var delay in askedAfterEnd)
        {
            var now = end + delay;
            var s = Advisor.Suggest(end, zone, now);
            var local = TimeZoneInfo.ConvertTime(s.SendAt, zone);
            var endLocal = TimeZoneInfo.ConvertTime(end, zone);
            var label = $"end {endLocal:ddd yyyy-MM-dd HH:mm}, now +{delay}: {local:ddd yyyy-MM-dd HH:mm}";

            if (s.SendAt < now) failures.Add($"in the past: {label}");
            if (local.Hour < 7 || local.Hour >= 21) failures.Add($"at night: {label}");
            if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) failures.Add($"on a weekend: {label}");
            if (s.Reasons.Count == 0 || s.Reasons.Any(string.IsNullOrWhiteSpace)) failures.Add($"no reasons: {label}");
            if (now <= end && s.SendAt - end < TimeSpan.FromHours(1)) failures.Add($"rushed: {label}");

            var weekendRule = endLocal.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Sunday
                && local.DayOfWeek == DayOfWeek.Monday && local.TimeOfDay >= new TimeSpan(9, 0, 0) && local.TimeOfDay <= new TimeSpan(10, 0, 0);
            var askedLate = now > end + TimeSpan.FromHours(2);
            if (!askedLate && s.SendAt - end > TimeSpan.FromHours(24) && !weekendRule)
                failures.Add($"later than a day: {label}");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }
}
