using Npgsql;

namespace FollowUp.Api.Tests.Infrastructure;

/// <summary>The real PostgreSQL server that <c>tests/run.sh</c> starts and names in <c>FOLLOWUP_TEST_POSTGRES</c>.</summary>
public static class PostgresServer
{
    public const string Variable = "FOLLOWUP_TEST_POSTGRES";

    /// <summary>The server's connection string; absent, the test fails: these tests claim a real server.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so there is no PostgreSQL server to test against. Run `bash tests/run.sh`, " +
                $"or set {Variable} to an Npgsql connection string such as Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres.");

    /// <summary>Creates an empty database with a unique name; disposing it drops it.</summary>
    public static async Task<PostgresDatabase> CreateDatabaseAsync(string purpose = "test")
    {
        var name = $"followup_{Sanitize(purpose)}_{Guid.NewGuid():N}"; // at most 62 of the 63 characters allowed
        await ExecuteAsync($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0");
        var connection = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
        return new PostgresDatabase(name, connection);
    }

    public static async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", connection);
        command.Parameters.AddWithValue(name);
        return (long)(await command.ExecuteScalarAsync() ?? 0L) > 0;
    }

    internal static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // Database names are identifiers: keep lower-case letters and digits of the purpose, at most 20.
    private static string Sanitize(string purpose) =>
        new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray());
}

/// <summary>One throwaway database on the test server.</summary>
public sealed class PostgresDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        // Pooled connections would keep the database busy; FORCE ends any that remain.
        await using (var connection = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(connection);
        await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
