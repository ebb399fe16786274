using Microsoft.EntityFrameworkCore;

namespace FollowUp.Api.Storage;

/// <summary>
/// Third-party data is kept no longer than needed: records untouched for <c>Retention:Days</c> (default 180) are
/// purged at start-up and then every few hours.
/// </summary>
public sealed class RetentionService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, RecentDrafts recent, ILogger<RetentionService> log) : BackgroundService
{
    public const int DefaultDays = 180;
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    public TimeSpan RetentionPeriod => TimeSpan.FromDays(Math.Max(1, config.GetValue("Retention:Days", DefaultDays)));

    /// <summary>Deletes every user's records last updated before now minus the retention period; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - RetentionPeriod;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDb>();
        var purged = await db.FollowUps.Where(f => f.UpdatedAt < cutoff).ExecuteDeleteAsync(ct);
        if (purged > 0) recent.ForgetAll();
        if (purged > 0) log.LogInformation("Retention: purged {Count} follow-up records untouched for {Days} days.", purged, RetentionPeriod.TotalDays);
        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed purge must not stop the host; the next round tries again.
                log.LogWarning("Retention purge failed: {Kind}", e.GetType().Name);
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
