using System.Diagnostics;
using System.Net;

namespace FollowUp.Api.Resilience;

/// <summary>
/// Replaces the Graph SDK's RetryHandler. Retries only what is safe to repeat (reads, and any request Graph throttled
/// with 429 before doing it), honours every Retry-After form Graph sends, and stops within
/// <see cref="GraphResilienceOptions.MaxRetryDuration"/>; the last answer then reaches the SDK as Graph's own error.
/// </summary>
/// <remarks>
/// The SDK's handler waits 3 s when Retry-After is fractional, also retries a POST after 503/504 (Graph may have
/// created the draft already) and has no total budget: a throttled mailbox could hold a request for 100 s.
/// </remarks>
public sealed class GraphRetryHandler(GraphResilienceOptions options, ILogger? log = null) : DelegatingHandler
{
    // Real time, not the app's TimeProvider: tests freeze the app's clock, and Graph's waits are real.
    private static readonly TimeProvider Clock = TimeProvider.System;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var repeatable = IsRepeatable(request.Method);
        if (request.Content is not null) await request.Content.LoadIntoBufferAsync(ct); // so a retry can send it again

        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, ct);
                // Read the whole body here so a connection cut mid-answer is a network error we may retry,
                // never a half-read page later.
                if (repeatable)
                    try { await response.Content.LoadIntoBufferAsync(ct); }
                    catch { response.Dispose(); throw; }
            }
            catch (Exception e) when (repeatable && IsNetworkFailure(e, ct) && attempt < options.MaxRetries)
            {
                var backoff = Backoff(attempt);
                if (!Fits(started, backoff)) throw;
                log?.LogInformation("Graph unreachable ({Kind}); retry {Attempt} in {Wait} ms", e.GetType().Name, attempt + 1, (int)backoff.TotalMilliseconds);
                await Task.Delay(backoff, ct);
                continue;
            }

            if (!ShouldRetry(response.StatusCode, repeatable) || attempt >= options.MaxRetries) return response;
            var asked = RetryAfter.Read(response, Clock.GetUtcNow());
            var wait = asked is { } a ? (a > options.MaxRetryAfter ? options.MaxRetryAfter : a) : Backoff(attempt);
            if (!Fits(started, wait)) return response;

            log?.LogInformation("Graph answered {Status}; retry {Attempt} in {Wait} ms", (int)response.StatusCode, attempt + 1, (int)wait.TotalMilliseconds);
            response.Dispose();
            await Task.Delay(wait, ct);
        }
    }

    /// <summary>Reads and deletes are idempotent; a POST may be repeated only when Graph refused it unread (429).</summary>
    internal static bool IsRepeatable(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete;

    internal static bool ShouldRetry(HttpStatusCode status, bool repeatable) => status switch
    {
        HttpStatusCode.TooManyRequests => true,
        HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => repeatable,
        _ => false,
    };

    private static bool IsNetworkFailure(Exception e, CancellationToken ct) =>
        !ct.IsCancellationRequested && e is HttpRequestException or IOException;

    /// <summary>The next wait must leave the call inside its total budget.</summary>
    private bool Fits(Stopwatch started, TimeSpan wait) => started.Elapsed + wait < options.MaxRetryDuration;

    /// <summary>Exponential backoff, half of it random, so many throttled callers do not come back together.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = options.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 10));
        var capped = Math.Min(ceiling, options.MaxRetryAfter.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }
}
