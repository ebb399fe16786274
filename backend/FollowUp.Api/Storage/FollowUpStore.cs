using System.Text.Json;
using FollowUp.Api.Identity;
using FollowUp.Domain.FollowUps;
using FollowUp.Domain.Interests;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Api.Storage;

/// <summary>The signed-in user's follow-up records. Every query is scoped to the caller's tenant and object id.</summary>
public sealed class FollowUpStore(FollowUpDb db, CurrentUser user, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("FollowUp.Notes.v1");

    private IQueryable<FollowUpRecord> Mine => db.FollowUps.Where(f => f.TenantId == user.TenantId && f.UserId == user.ObjectId);

    public static string Key(string email) => email.Trim().ToLowerInvariant();

    public async Task<Dictionary<(string EventId, string Email), FollowUpRecord>> ForEventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct)
    {
        if (eventIds.Count == 0) return [];
        var rows = await Mine.AsNoTracking().Where(f => eventIds.Contains(f.EventId)).ToListAsync(ct);
        return rows.ToDictionary(r => (r.EventId, r.InterviewerEmail));
    }

    public Task<FollowUpRecord?> FindAsync(string eventId, string email, CancellationToken ct)
    {
        var key = Key(email);
        return Mine.FirstOrDefaultAsync(f => f.EventId == eventId && f.InterviewerEmail == key, ct);
    }

    public async Task<IReadOnlyList<FollowUpRecord>> AllAsync(CancellationToken ct) =>
        await Mine.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct);

    /// <summary>Creates or updates the record; the unique index makes a concurrent twin lose and retry as an update.</summary>
    public async Task<FollowUpRecord> UpsertAsync(string eventId, string email, Action<FollowUpRecord> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var record = await FindAsync(eventId, email, ct);
            var now = clock.GetUtcNow();
            if (record is null)
            {
                record = new FollowUpRecord { TenantId = user.TenantId, UserId = user.ObjectId, EventId = eventId, InterviewerEmail = Key(email), CreatedAt = now };
                db.FollowUps.Add(record);
            }
            change(record);
            record.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(ct);
                return record;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task<FollowUpRecord> SaveNotesAsync(string eventId, string email, string? name, string notes, IReadOnlyList<InterestMatch> interests, string? giftUrl, CancellationToken ct) =>
        UpsertAsync(eventId, email, r =>
        {
            r.InterviewerName = name;
            r.ProtectedNotes = _protector.Protect(notes);
            r.ProtectedInterests = _protector.Protect(JsonSerializer.Serialize(interests));
            r.GiftUrl = giftUrl;
        }, ct);

    public Task<FollowUpRecord> SetStatusAsync(string eventId, string email, FollowUpStatus status, CancellationToken ct) =>
        UpsertAsync(eventId, email, r =>
        {
            var wire = status.ToWire();
            if (r.Status != wire) r.StatusChangedAt = clock.GetUtcNow();
            r.Status = wire;
        }, ct);

    public string? Notes(FollowUpRecord r) => r.ProtectedNotes is null ? null : _protector.Unprotect(r.ProtectedNotes);

    public IReadOnlyList<InterestMatch> Interests(FollowUpRecord r) =>
        r.ProtectedInterests is null ? [] : JsonSerializer.Deserialize<List<InterestMatch>>(_protector.Unprotect(r.ProtectedInterests)) ?? [];

    public static FollowUpStatus? Recorded(FollowUpRecord? r) =>
        r is not null && FollowUpRules.TryParse(r.Status, out var s) ? s : null;

    /// <summary>Erases everything stored for the caller.</summary>
    public Task<int> DeleteAllAsync(CancellationToken ct) => Mine.ExecuteDeleteAsync(ct);
}
