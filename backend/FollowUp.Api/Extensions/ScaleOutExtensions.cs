namespace FollowUp.Api.Extensions;

public static class ScaleOutExtensions
{
    /// <summary>
    /// Several instances behind one load balancer: with <c>ConnectionStrings:Redis</c> set, Redis is the distributed
    /// cache, so Identity Web's token cache and the calendar cache's second level are shared by every instance.
    /// </summary>
    /// <remarks>
    /// Data Protection keys stay in the database (<see cref="StorageExtensions"/>), not Redis: they must live exactly as
    /// long as the notes they encrypt, and the database is what gets backed up; Redis is a cache that may be flushed
    /// or evict keys, which would make every stored note unreadable.
    /// </remarks>
    public static void AddScaleOut(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis)) return;
        builder.Services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = redis;
            // Several deployments (or test runs) may share one Redis: each keeps to its own prefix.
            o.InstanceName = builder.Configuration["Redis:InstanceName"] is { Length: > 0 } prefix ? prefix : "followup:";
        });
    }
}
