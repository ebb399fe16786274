using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FollowUp.Api.Storage;

// Used only by `dotnet ef migrations add`: each provider keeps its own migrations.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFollowUpDb>
{
    public SqliteFollowUpDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFollowUpDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFollowUpDb>
{
    public PostgresFollowUpDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFollowUpDb>().UseNpgsql("Host=localhost;Database=followup_design").Options);
}
