using FollowUp.Api.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Api.Tests.Storage;

/// <summary>The store on a SQLite file in WAL mode, opened as the app opens it.</summary>
public sealed class SqliteFollowUpStoreTests : FollowUpStoreBehaviour
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"followup-store-{Guid.NewGuid():N}.db");

    protected override Task CreateEmptyDatabaseAsync() => Task.CompletedTask;

    protected override Task RemoveDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
        return Task.CompletedTask;
    }

    protected override FollowUpDb NewContext() =>
        new SqliteFollowUpDb(new DbContextOptionsBuilder<SqliteFollowUpDb>().UseSqlite($"Data Source={_file};Cache=Shared;Pooling=True").Options);

    protected override async Task MigrateAsync()
    {
        await base.MigrateAsync();
        await using var db = NewContext();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    [Fact]
    public async Task The_database_file_runs_in_write_ahead_log_mode()
    {
        await MigrateAsync();
        await using var db = NewContext();
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", Assert.Single(mode));
        Assert.True(File.Exists(_file));
    }
}
