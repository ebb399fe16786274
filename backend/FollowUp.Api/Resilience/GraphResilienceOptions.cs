using System.Globalization;

namespace FollowUp.Api.Resilience;

/// <summary>
/// How patiently FollowUp talks to Microsoft Graph (section <c>Graph</c>). Durations are seconds (<c>2.5</c>) or
/// <see cref="TimeSpan"/> text (<c>00:00:02.5</c>).
/// </summary>
public sealed record GraphResilienceOptions
{
    /// <summary>All retries of one Graph call together, waits included (<c>Graph:MaxRetryDuration</c>).</summary>
    public TimeSpan MaxRetryDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest single wait, whatever Retry-After asks (<c>Graph:MaxRetryAfter</c>).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First backoff step when Graph names no Retry-After; doubles, with full jitter (<c>Graph:RetryDelay</c>).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>At most this many retries of one call (<c>Graph:MaxRetries</c>).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>One API request's whole conversation with Graph, all pages (<c>Graph:Timeout</c>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Outlook allows 4 concurrent requests per app and mailbox (<c>Graph:MaxConcurrentPerMailbox</c>).</summary>
    public int MaxConcurrentPerMailbox { get; init; } = 4;

    /// <summary>How long a calendar window is reused for the same user (<c>Graph:CacheSeconds</c>; 0 turns it off).</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A calendar window longer than this many pages is refused rather than followed for ever.</summary>
    public int MaxPages { get; init; } = 50;

    public static GraphResilienceOptions From(IConfiguration config)
    {
        var graph = config.GetSection("Graph");
        var defaults = new GraphResilienceOptions();
        return new GraphResilienceOptions
        {
            MaxRetryDuration = Duration(graph["MaxRetryDuration"]) ?? defaults.MaxRetryDuration,
            MaxRetryAfter = Duration(graph["MaxRetryAfter"]) ?? defaults.MaxRetryAfter,
            RetryDelay = Duration(graph["RetryDelay"]) ?? defaults.RetryDelay,
            MaxRetries = Count(graph["MaxRetries"]) ?? defaults.MaxRetries,
            Timeout = Duration(graph["Timeout"]) is { } t && t > TimeSpan.Zero ? t : defaults.Timeout,
            MaxConcurrentPerMailbox = Count(graph["MaxConcurrentPerMailbox"]) is { } c && c > 0 ? c : defaults.MaxConcurrentPerMailbox,
            CacheDuration = Duration(graph["CacheSeconds"]) ?? defaults.CacheDuration,
            MaxPages = Count(graph["MaxPages"]) is { } p && p > 0 ? p : defaults.MaxPages,
        };
    }

    internal static TimeSpan? Duration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
            ? span
            : throw new InvalidOperationException($"'{text}' is not a duration (seconds, or hh:mm:ss).");
    }

    private static int? Count(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
        : throw new InvalidOperationException($"'{text}' is not a whole number.");
}
