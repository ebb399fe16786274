using StackExchange.Redis;

namespace FollowUp.Api.Tests.Infrastructure;

/// <summary>The real Redis server that <c>tests/run.sh</c> starts and names in <c>FOLLOWUP_TEST_REDIS</c> (host:port).</summary>
public static class RedisServer
{
    public const string Variable = "FOLLOWUP_TEST_REDIS";

    /// <summary>The server's configuration string; absent, the test fails: these tests claim a real server.</summary>
    public static string Configuration =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so there is no Redis server to test against. Run `bash tests/run.sh`, " +
                $"or set {Variable} to host:port such as 127.0.0.1:6379.");

    public static Task<ConnectionMultiplexer> ConnectAsync() =>
        ConnectionMultiplexer.ConnectAsync(ConfigurationOptions.Parse(Configuration));

    /// <summary>A key prefix of its own, so tests running together never read each other's keys.</summary>
    public static string UniquePrefix(string purpose) => $"followup-test:{purpose}:{Guid.NewGuid():N}:";
}
