using FollowUp.Api.Identity;
using FollowUp.Api.Resilience;
using FollowUp.Domain.Calendar;
using Microsoft.Extensions.Caching.Hybrid;

namespace FollowUp.Api.Calendar;

/// <summary>
/// The calendar window, kept for a few seconds per user (<c>Graph:CacheSeconds</c>) so a pane that asks three times
/// costs one Graph read; in Redis too when configured, so every instance shares it. Only complete windows are kept
/// (a failed read stores nothing), and the whole read is bounded by <c>Graph:Timeout</c>.
/// </summary>
public sealed class CachedCalendarSource(Lazy<GraphCalendarSource> graph, HybridCache cache, CurrentUser user, GraphResilienceOptions options) : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarEvent>> GetWindowAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            if (options.CacheDuration <= TimeSpan.Zero) return await graph.Value.GetWindowAsync(from, to, timeout.Token);

            // Whole minutes, widened outwards: the pane's default window ("now ± 14 days") then hits for a minute.
            var (wideFrom, wideTo) = (Floor(from), Ceiling(to));
            var entry = new HybridCacheEntryOptions { Expiration = options.CacheDuration, LocalCacheExpiration = options.CacheDuration };
            var events = await cache.GetOrCreateAsync(
                Key(user.TenantId, user.ObjectId, wideFrom, wideTo),
                (graph, wideFrom, wideTo),
                static async (state, token) => new CalendarWindow(await state.graph.Value.GetWindowAsync(state.wideFrom, state.wideTo, token)),
                entry, cancellationToken: timeout.Token);
            return wideFrom == from && wideTo == to ? events.Events : events.Events.Where(e => e.Start < to && e.End > from).ToList();
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Microsoft Graph did not give the calendar window within {options.Timeout.TotalSeconds:0.#} s.");
        }
    }

    /// <summary>One event, kept as long as a window (a pane redrafting as the user types asks for it again and again).</summary>
    public async Task<CalendarEvent?> GetEventAsync(string id, CancellationToken ct)
    {
        if (options.CacheDuration <= TimeSpan.Zero) return await graph.Value.GetEventAsync(id, ct);
        var entry = new HybridCacheEntryOptions { Expiration = options.CacheDuration, LocalCacheExpiration = options.CacheDuration };
        // Cached as a window of zero or one event, so the encrypting serializer of windows serves it too.
        var found = await cache.GetOrCreateAsync(
            $"event:v1:{user.TenantId}:{user.ObjectId}:{id}",
            (graph, id),
            static async (state, token) => new CalendarWindow(await state.graph.Value.GetEventAsync(state.id, token) is { } e ? [e] : []),
            entry, cancellationToken: ct);
        return found.Events.FirstOrDefault();
    }

    internal static string Key(string tenantId, string objectId, DateTimeOffset from, DateTimeOffset to) =>
        $"calendar:v1:{tenantId}:{objectId}:{from.UtcDateTime:yyyyMMddHHmm}:{to.UtcDateTime:yyyyMMddHHmm}";

    internal static DateTimeOffset Floor(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    internal static DateTimeOffset Ceiling(DateTimeOffset t) =>
        t.UtcTicks % TimeSpan.TicksPerMinute == 0 ? t.ToUniversalTime() : Floor(t).AddMinutes(1);
}
