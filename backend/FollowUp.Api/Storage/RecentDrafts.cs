using Microsoft.Extensions.Caching.Memory;

namespace FollowUp.Api.Storage;

/// <summary>Identifies one follow-up record: the caller and the interviewer of one event.</summary>
public readonly record struct DraftKey(string TenantId, string UserId, string EventId, string Email);

/// <summary>What a follow-up record holds of a draft, in clear: notes, chosen gift, latest letter, interviewer's name.</summary>
public sealed record StoredDraft(string? Notes, string? GiftUrl, string? Letter, string? Name);

/// <summary>
/// What this process last stored for each draft, so that a redraft that changes nothing (the pane redrafts as the user
/// types, and a double click redrafts twice) neither reads nor writes the database. Sound only while this process is
/// the database's only writer, the SQLite default; with PostgreSQL, shared by many instances, it stays off and each draft
/// reads its row. Writers hold the key's lock from the read to the remembering, so what is remembered is what the row
/// holds; any other change to notes or letters (an edited letter, erasure, retention) forgets everything remembered.
/// </summary>
public sealed class RecentDrafts : IDisposable
{
    public const int DefaultCapacity = 4096;
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache? _entries;
    private readonly SemaphoreSlim[] _stripes;
    private long _epoch;

    private sealed record Entry(StoredDraft Draft, long Epoch);

    public RecentDrafts(bool enabled, int capacity = DefaultCapacity)
    {
        _entries = enabled ? new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity }) : null;
        _stripes = [.. Enumerable.Range(0, enabled ? 64 : 0).Select(_ => new SemaphoreSlim(1, 1))];
    }

    public bool Enabled => _entries is not null;

    /// <summary>What the row holds, when this process knows it for sure; null otherwise (read the row).</summary>
    public StoredDraft? Find(DraftKey key) =>
        _entries is not null && _entries.TryGetValue(key, out Entry? entry) && entry!.Epoch == Interlocked.Read(ref _epoch) ? entry.Draft : null;

    /// <summary>The token to pass to <see cref="Remember"/>: taken before the row is read.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    /// <summary>Serialises the writers of one key in this process (no-op when off).</summary>
    public async ValueTask<IDisposable?> LockAsync(DraftKey key, CancellationToken ct)
    {
        if (_entries is null) return null;
        var stripe = _stripes[(key.GetHashCode() & int.MaxValue) % _stripes.Length];
        await stripe.WaitAsync(ct);
        return new Release(stripe);
    }

    /// <summary>Remembers what the row now holds; call under the key's lock, with the epoch taken before reading it.</summary>
    public void Remember(DraftKey key, StoredDraft draft, long epoch)
    {
        if (_entries is null || epoch != Interlocked.Read(ref _epoch)) return;
        _entries.Set(key, new Entry(draft, epoch), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
    }

    /// <summary>Something else changed records (an edited letter, an erasure, a purge): trust nothing remembered so far.</summary>
    public void ForgetAll() => Interlocked.Increment(ref _epoch);

    public void Dispose() => _entries?.Dispose();

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) stripe.Release();
        }
    }
}
