using System.Text;
using FollowUp.Api.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;

namespace FollowUp.Api.Tests.Storage;

/// <summary>The Redis server of <c>FOLLOWUP_TEST_REDIS</c> is there, and the app's distributed cache works on it.</summary>
[Trait("Category", "Redis")]
public sealed class RedisServerTests
{
    [Fact]
    public async Task The_test_redis_answers_ping()
    {
        await using var redis = await RedisServer.ConnectAsync();
        var latency = await redis.GetDatabase().PingAsync();
        Assert.True(redis.IsConnected);
        Assert.True(latency < TimeSpan.FromSeconds(5), $"Ping took {latency}.");
    }

    [Fact]
    public async Task The_distributed_cache_keeps_entries_in_redis_until_removed()
    {
        var prefix = RedisServer.UniquePrefix("cache");
        using var cache = new RedisCache(Options.Create(new RedisCacheOptions { Configuration = RedisServer.Configuration, InstanceName = prefix }));
        var value = Encoding.UTF8.GetBytes("token cache ✓");

        await cache.SetAsync("entry", value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });
        Assert.Equal(value, await cache.GetAsync("entry"));

        await using (var redis = await RedisServer.ConnectAsync())
            Assert.True(await redis.GetDatabase().KeyExistsAsync(prefix + "entry"));

        await cache.RemoveAsync("entry");
        Assert.Null(await cache.GetAsync("entry"));
    }
}
