using System.Globalization;

namespace FollowUp.Api.Resilience;

/// <summary>Reads Retry-After as Graph sends it: whole seconds, fractional seconds (<c>2.128</c>) or an HTTP date.</summary>
public static class RetryAfter
{
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        // NonValidated: .NET drops fractional values as invalid, and Graph's throttling docs show them.
        if (!response.Headers.NonValidated.TryGetValues("Retry-After", out var values)) return null;
        foreach (var value in values)
            if (Parse(value, now) is { } wait) return wait;
        return null;
    }

    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
            return double.IsFinite(seconds) ? TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2)) : null;
        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when))
            return when > now ? when - now : TimeSpan.Zero;
        return null;
    }
}
