using Npgsql;

namespace FollowUp.Api.Tests.ScaleOut;

/// <summary>
/// The real PostgreSQL and Redis that <c>tests/run.sh</c> starts. Tests that claim real servers fail, never skip,
/// when they are not there.
/// </summary>
public static class RealServers
{
    public static (string Postgres, string Redis) Required()
    {
        var postgres = Environment.GetEnvironmentVariable("FOLLOWUP_TEST_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("FOLLOWUP_TEST_REDIS");
        if (string.IsNullOrWhiteSpace(postgres) || string.IsNullOrWhiteSpace(redis))
            Assert.Fail("This test runs against a real PostgreSQL and Redis: set FOLLOWUP_TEST_POSTGRES (an Npgsql connection "
                + "string to a server where a database may be created) and FOLLOWUP_TEST_REDIS (host:port), or run tests/run.sh, "
                + "which starts both on loopback.");
        return (postgres!, redis!);
    }
}

/// <summary>A database of its own for one test, dropped afterwards.</summary>
public sealed class ThrowawayDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    public string ConnectionString { get; }

    private ThrowawayDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task<ThrowawayDatabase> CreateAsync(string server)
    {
        var database = new ThrowawayDatabase(server, $"followup_test_{Guid.NewGuid():N}");
        await database.ExecuteAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }
}
