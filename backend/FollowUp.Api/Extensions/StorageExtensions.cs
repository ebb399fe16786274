using FollowUp.Api.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Api.Extensions;

public static class StorageExtensions
{
    /// <summary>PostgreSQL when <c>ConnectionStrings:FollowUp</c> names one, else a SQLite file (WAL) beside the app.</summary>
    public static void AddFollowUpStorage(this WebApplicationBuilder builder)
    {
        var postgres = builder.Configuration.GetConnectionString("FollowUp");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            builder.Services.AddDbContextPool<PostgresFollowUpDb>(o => o.UseNpgsql(postgres));
            builder.Services.AddScoped<FollowUpDb>(sp => sp.GetRequiredService<PostgresFollowUpDb>());
        }
        else
        {
            var file = builder.Configuration["Storage:SqliteFile"] ?? Path.Combine(builder.Environment.ContentRootPath, "followup.db");
            builder.Services.AddDbContextPool<SqliteFollowUpDb>(o => o.UseSqlite($"Data Source={file};Pooling=True").AddInterceptors(new SqlitePragmas()));
            builder.Services.AddScoped<FollowUpDb>(sp => sp.GetRequiredService<SqliteFollowUpDb>());
        }
        builder.Services.AddDataProtection().SetApplicationName("FollowUp").PersistKeysToDbContext<FollowUpDb>();
        builder.Services.AddScoped<FollowUpStore>();
        // One process per SQLite file: it may remember what it stored. PostgreSQL is shared by instances: it may not.
        var remember = builder.Configuration.GetValue("Storage:RememberDrafts", string.IsNullOrWhiteSpace(postgres));
        builder.Services.AddSingleton(_ => new RecentDrafts(remember));
        builder.Services.AddHostedService<RetentionService>();
    }

    /// <summary>Creates or upgrades the schema at start-up (SQLite in WAL mode so writes survive a kill).</summary>
    public static async Task MigrateFollowUpDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDb>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
