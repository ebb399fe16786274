namespace FollowUp.Api.Mail;

/// <summary>
/// One gate per follow-up key inside this process, so two clicks at once wait for each other; the database claim
/// (<see cref="Storage.FollowUpStore.TryClaimDraftAsync"/>) covers other instances.
/// </summary>
public sealed class DraftLocks
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (SemaphoreSlim Semaphore, int Users)> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string key, CancellationToken ct)
    {
        SemaphoreSlim semaphore;
        lock (_gate)
        {
            var entry = _locks.TryGetValue(key, out var found) ? found : (new SemaphoreSlim(1, 1), 0);
            _locks[key] = (entry.Item1, entry.Item2 + 1);
            semaphore = entry.Item1;
        }
        try
        {
            await semaphore.WaitAsync(ct);
        }
        catch
        {
            Leave(key);
            throw;
        }
        return new Releaser(this, key, semaphore);
    }

    private void Leave(string key)
    {
        lock (_gate)
        {
            var entry = _locks[key];
            if (entry.Users == 1) _locks.Remove(key);
            else _locks[key] = (entry.Semaphore, entry.Users - 1);
        }
    }

    private sealed class Releaser(DraftLocks owner, string key, SemaphoreSlim semaphore) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            semaphore.Release();
            owner.Leave(key);
        }
    }
}
