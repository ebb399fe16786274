using FollowUp.Api.Tests.Infrastructure;

namespace FollowUp.Api.Tests.Storage;

/// <summary>The test PostgreSQL server is there, and throwaway databases really go away.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresServerTests
{
    [Fact]
    public async Task A_throwaway_database_exists_until_disposed()
    {
        var database = await PostgresServer.CreateDatabaseAsync("lifecycle");
        Assert.True(await PostgresServer.DatabaseExistsAsync(database.Name));

        await database.DisposeAsync();

        Assert.False(await PostgresServer.DatabaseExistsAsync(database.Name));
    }
}
