using FollowUp.Api.Storage;
using FollowUp.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Api.Tests.Storage;

/// <summary>The store on the real PostgreSQL server of <c>FOLLOWUP_TEST_POSTGRES</c>, one new database per test.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresFollowUpStoreTests : FollowUpStoreBehaviour
{
    private PostgresDatabase? _database;

    protected override async Task CreateEmptyDatabaseAsync() => _database = await PostgresServer.CreateDatabaseAsync("store");

    protected override async Task RemoveDatabaseAsync()
    {
        if (_database is null) return;
        await _database.DisposeAsync();
        Assert.False(await PostgresServer.DatabaseExistsAsync(_database.Name), $"Database {_database.Name} was not dropped.");
    }

    protected override FollowUpDb NewContext() =>
        new PostgresFollowUpDb(new DbContextOptionsBuilder<PostgresFollowUpDb>()
            .UseNpgsql(_database?.ConnectionString ?? throw new InvalidOperationException("No test database was created.")).Options);
}
