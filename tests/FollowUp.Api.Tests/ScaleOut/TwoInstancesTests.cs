using System.Net;
using FollowUp.Api.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FollowUp.Api.Tests.ScaleOut;

/// <summary>Two API instances behind one imaginary load balancer, on one real PostgreSQL and one real Redis.</summary>
public class TwoInstancesTests
{
    private const string Panel = "EVT-PANEL";
    private const string Ana = "ana.ruiz@fabrikam.com";

    private static FollowUpApiFactory Instance(string database, string redis, string prefix, FaultyGraphServer graph) => new FollowUpApiFactory()
        .With("ConnectionStrings:FollowUp", database)
        .With("ConnectionStrings:Redis", redis)
        .With("Redis:InstanceName", prefix)
        .With("Graph:BaseUrl", graph.BaseUrl)
        .With("Graph:CacheSeconds", "60");

    [Fact]
    public async Task What_one_instance_records_another_sees_decrypts_and_reads_from_the_shared_cache()
    {
        var (postgres, redis) = RealServers.Required();
        await using var database = await ThrowawayDatabase.CreateAsync(postgres);
        await using var graph = await FaultyGraphServer.StartAsync();
        var prefix = $"followup-test-{Guid.NewGuid():N}:"; // this run's keys only
        await using var a = Instance(database.ConnectionString, redis, prefix, graph);
        await using var b = Instance(database.ConnectionString, redis, prefix, graph);
        var viaA = a.CreateClient();
        var viaB = b.CreateClient();

        // The calendar window A read from Graph is in Redis, and B takes it from there.
        var interviewsA = await viaA.GetArrayAsync("/api/interviews");
        Assert.Equal(1, graph.CountOf("/calendarView"));
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis))
        {
            var key = Assert.Single(connection.GetServers()[0].Keys(pattern: prefix + "*"));
            var stored = string.Concat((await connection.GetDatabase().HashGetAllAsync(key)).Select(e => (string?)e.Value));
            Assert.DoesNotContain("Fabrikam", stored); // encrypted: Redis holds no calendar text
        }
        var interviewsB = await viaB.GetArrayAsync("/api/interviews");
        Assert.Equal(interviewsA.ToJsonString(), interviewsB.ToJsonString());
        Assert.Equal(1, graph.CountOf("/calendarView"));

        // A drafts (notes encrypted by A) and records the draft.
        var draft = await viaA.PostJsonAsync("/api/drafts", new { eventId = Panel, interviewerEmail = Ana, notes = "She knitted the blanket on her sofa; we talked sweater patterns." });
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await viaA.PutJsonAsync($"/api/followups/{Panel}/{Ana}/status", new { status = "drafted" })).StatusCode);

        // B sees the status from the shared database…
        var due = (await viaB.GetArrayAsync("/api/followups/due")).ById(Panel);
        var ana = due["interviewers"]!.AsArray().Single(p => (string?)p!["email"] == Ana)!;
        Assert.Equal("drafted", (string?)ana["status"]);

        // …and decrypts A's notes with the shared key ring: the interests come back without the notes being sent.
        var again = await viaB.PostJsonAsync("/api/drafts", new { eventId = Panel, interviewerEmail = Ana });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("knitting", (string?)(await again.ReadJsonAsync())["interests"]![0]!["topic"]);
    }

    [Fact]
    public async Task With_redis_configured_the_token_cache_and_calendar_cache_use_it()
    {
        var (_, redis) = RealServers.Required();
        await using var app = new FollowUpApiFactory()
            .With("ConnectionStrings:Redis", redis)
            .With("AzureAd:Instance", "https://login.microsoftonline.com/")
            .With("AzureAd:TenantId", "11111111-1111-1111-1111-111111111111")
            .With("AzureAd:ClientId", "22222222-2222-2222-2222-222222222222")
            .With("AzureAd:ClientSecret", "not-a-real-secret");
        Assert.IsAssignableFrom<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCache>(app.Services.GetRequiredService<IDistributedCache>());
    }
}
