using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FollowUp.Api.Storage;

/// <summary>FollowUp's records and the Data Protection key ring (shared by every instance on one database).</summary>
public abstract class FollowUpDb(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<FollowUpRecord> FollowUps => Set<FollowUpRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        var f = model.Entity<FollowUpRecord>();
        f.ToTable("follow_ups");
        f.HasKey(x => x.Id);
        f.Property(x => x.TenantId).HasMaxLength(64).IsRequired();
        f.Property(x => x.UserId).HasMaxLength(64).IsRequired();
        f.Property(x => x.EventId).HasMaxLength(512).IsRequired();
        f.Property(x => x.InterviewerEmail).HasMaxLength(320).IsRequired();
        f.Property(x => x.InterviewerName).HasMaxLength(200);
        f.Property(x => x.GiftUrl).HasMaxLength(2048);
        f.Property(x => x.Status).HasMaxLength(16).IsRequired();
        f.Property(x => x.OutlookDraftId).HasMaxLength(512);
        f.Property(x => x.OutlookDraftWebLink).HasMaxLength(2048);
        f.Property(x => x.DraftClaim).HasMaxLength(64);
        f.HasIndex(x => new { x.TenantId, x.UserId, x.EventId, x.InterviewerEmail }).IsUnique();
        f.HasIndex(x => x.UpdatedAt);
    }
}

/// <summary>The SQLite flavour (default: a file beside the app), with its own migrations.</summary>
public sealed class SqliteFollowUpDb(DbContextOptions<SqliteFollowUpDb> options) : FollowUpDb(options)
{
    // SQLite cannot order or compare DateTimeOffset columns: store them as sortable binary values.
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) =>
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

/// <summary>The PostgreSQL flavour (<c>ConnectionStrings__FollowUp</c>), with its own migrations.</summary>
public sealed class PostgresFollowUpDb(DbContextOptions<PostgresFollowUpDb> options) : FollowUpDb(options);
