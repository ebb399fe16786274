using System.Text.Json;
using FollowUp.Api.Identity;
using FollowUp.Domain.FollowUps;
using FollowUp.Domain.Interests;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Api.Storage;

/// <summary>The signed-in user's follow-up records. Every query is scoped to the caller's tenant and object id.</summary>
public sealed class FollowUpStore(Lazy<FollowUpDb> database, CurrentUser user, IDataProtectionProvider protection, TimeProvider clock, RecentDrafts recent)
{
    // Leased from the pool on first use: a redraft answered from RecentDrafts needs no database at all.
    private FollowUpDb db => database.Value;

    private readonly IDataProtector _protector = protection.CreateProtector("FollowUp.Notes.v1");

    private IQueryable<FollowUpRecord> Mine => db.FollowUps.Where(f => f.TenantId == user.TenantId && f.UserId == user.ObjectId);

    public static string Key(string email) => email.Trim().ToLowerInvariant();

    public const int MaxEventIdLength = 512;
    public const int MaxEmailLength = 320;
    public const int MaxNameLength = 200;

    /// <summary>Whether a record can be keyed so (PostgreSQL refuses NUL in text and the columns have lengths): others are never stored.</summary>
    public static bool CanKey(string eventId, string? email = null) =>
        eventId.Length is > 0 and <= MaxEventIdLength && !eventId.Contains('\0')
        && (email is null || Key(email).Length <= MaxEmailLength && !email.Contains('\0'));

    /// <summary>A display name from the calendar as the column can hold it.</summary>
    public static string? Storable(string? name)
    {
        if (name is null) return null;
        if (name.Contains('\0')) name = name.Replace("\0", "");
        return name.Length <= MaxNameLength ? name : name[..MaxNameLength];
    }

    public async Task<Dictionary<(string EventId, string Email), FollowUpRecord>> ForEventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct)
    {
        eventIds = eventIds.Where(id => CanKey(id)).ToList();
        if (eventIds.Count == 0) return [];
        var rows = await Mine.AsNoTracking().Where(f => eventIds.Contains(f.EventId)).ToListAsync(ct);
        return rows.ToDictionary(r => (r.EventId, r.InterviewerEmail));
    }

    /// <summary>The caller's record key for an interviewer of an event.</summary>
    public DraftKey DraftKey(string eventId, string email) => new(user.TenantId, user.ObjectId, eventId, Key(email));

    /// <summary>What the record holds of its draft, decrypted.</summary>
    public StoredDraft Stored(FollowUpRecord r) => new(Notes(r), r.GiftUrl, Letter(r), r.InterviewerName);

    public Task<FollowUpRecord?> FindAsync(string eventId, string email, CancellationToken ct)
    {
        if (!CanKey(eventId, email)) return Task.FromResult<FollowUpRecord?>(null);
        var key = Key(email);
        return Mine.FirstOrDefaultAsync(f => f.EventId == eventId && f.InterviewerEmail == key, ct);
    }

    public async Task<IReadOnlyList<FollowUpRecord>> AllAsync(CancellationToken ct) =>
        await Mine.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct);

    /// <summary>Creates or updates the record; the unique index makes a concurrent twin lose and retry as an update.</summary>
    /// <param name="read">The row as this store read it a moment ago (tracked; null inside: none), so it is not read twice.</param>
    public async Task<FollowUpRecord> UpsertAsync(string eventId, string email, Action<FollowUpRecord> change, CancellationToken ct, Task<FollowUpRecord?>? read = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var record = await (attempt == 0 && read is not null ? read : FindAsync(eventId, email, ct));
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

    /// <summary>Keeps a draft in one write: the notes (when given) with their interests, the chosen gift and the letter.</summary>
    public Task<FollowUpRecord> SaveDraftAsync(string eventId, string email, string? name, string? notes, IReadOnlyList<InterestMatch> interests, string? giftUrl, string html, CancellationToken ct, Task<FollowUpRecord?>? read = null) =>
        UpsertAsync(eventId, email, r =>
        {
            r.InterviewerName = Storable(name);
            if (notes is not null)
            {
                r.ProtectedNotes = _protector.Protect(notes);
                r.ProtectedInterests = _protector.Protect(JsonSerializer.Serialize(interests));
            }
            r.GiftUrl = giftUrl;
            r.ProtectedLetter = _protector.Protect(html);
        }, ct, read);

    public Task<FollowUpRecord> SetStatusAsync(string eventId, string email, FollowUpStatus status, CancellationToken ct) =>
        UpsertAsync(eventId, email, r =>
        {
            var wire = status.ToWire();
            if (r.Status != wire) r.StatusChangedAt = clock.GetUtcNow();
            r.Status = wire;
        }, ct);

    /// <summary>Records a thank-you found in Sent Items; never undoes a dismissal, and keeps the earliest letter's time.</summary>
    public Task<FollowUpRecord> MarkSentAsync(string eventId, string email, string? name, DateTimeOffset sentAt, CancellationToken ct) =>
        UpsertAsync(eventId, email, r =>
        {
            if (r.Status is "sent" or "dismissed") return;
            r.InterviewerName ??= name;
            r.Status = FollowUpStatus.Sent.ToWire();
            r.StatusChangedAt = sentAt;
        }, ct);

    public async Task<FollowUpRecord> SaveLetterAsync(string eventId, string email, string? name, string html, CancellationToken ct)
    {
        try
        {
            return await UpsertAsync(eventId, email, r =>
            {
                r.InterviewerName ??= name;
                r.ProtectedLetter = _protector.Protect(html);
            }, ct);
        }
        finally
        {
            recent.ForgetAll();
        }
    }

    public string? Letter(FollowUpRecord r) => r.ProtectedLetter is null ? null : _protector.Unprotect(r.ProtectedLetter);

    /// <summary>The latest letters of the other interviewers of the same event, so a panel's letters differ.</summary>
    public async Task<IReadOnlyList<string>> OtherLettersAsync(string eventId, string email, CancellationToken ct)
    {
        var key = Key(email);
        var rows = await Mine.AsNoTracking().Where(f => f.EventId == eventId && f.InterviewerEmail != key && f.ProtectedLetter != null).OrderBy(f => f.Id).ToListAsync(ct);
        return rows.Select(r => Letter(r)!).ToList();
    }

    /// <summary>
    /// Claims the right to create the Outlook draft for this row, across instances: a conditional UPDATE that only one
    /// caller can win while the claim is live. Returns false when someone else holds it.
    /// </summary>
    public async Task<bool> TryClaimDraftAsync(long id, string claim, TimeSpan hold, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + hold;
        var won = await Mine.Where(f => f.Id == id && (f.DraftClaim == null || f.DraftClaimUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.DraftClaim, claim).SetProperty(f => f.DraftClaimUntil, until), ct);
        return won == 1;
    }

    public Task ReleaseDraftClaimAsync(long id, string claim, CancellationToken ct) =>
        Mine.Where(f => f.Id == id && f.DraftClaim == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.DraftClaim, (string?)null).SetProperty(f => f.DraftClaimUntil, (DateTimeOffset?)null), ct);

    public string? Notes(FollowUpRecord r) => r.ProtectedNotes is null ? null : _protector.Unprotect(r.ProtectedNotes);

    public IReadOnlyList<InterestMatch> Interests(FollowUpRecord r) =>
        r.ProtectedInterests is null ? [] : JsonSerializer.Deserialize<List<InterestMatch>>(_protector.Unprotect(r.ProtectedInterests)) ?? [];

    public static FollowUpStatus? Recorded(FollowUpRecord? r) =>
        r is not null && FollowUpRules.TryParse(r.Status, out var s) ? s : null;

    /// <summary>Erases everything stored for the caller.</summary>
    public async Task<int> DeleteAllAsync(CancellationToken ct)
    {
        try
        {
            return await Mine.ExecuteDeleteAsync(ct);
        }
        finally
        {
            recent.ForgetAll();
        }
    }
}
