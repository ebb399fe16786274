namespace FollowUp.Api.Resilience;

/// <summary>
/// At most N Graph requests in flight per mailbox (Outlook refuses a fifth with 429). One semaphore per
/// tenant + user; semaphores nobody used for <see cref="IdleAfter"/> are dropped so the table does not grow for ever.
/// </summary>
public sealed class MailboxGate(int perMailbox, TimeProvider clock)
{
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(5);

    private sealed class Lane(int width)
    {
        public readonly SemaphoreSlim Slots = new(width, width);
        public int Users;
        public DateTimeOffset LastUsed;
    }

    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public int PerMailbox => perMailbox;

    /// <summary>Mailboxes with a semaphore right now (for tests and diagnostics).</summary>
    public int Count { get { lock (_gate) return _lanes.Count; } }

    /// <summary>Waits for one of the mailbox's slots; dispose the result to give it back.</summary>
    public async Task<IDisposable> EnterAsync(string mailbox, CancellationToken ct)
    {
        Lane lane;
        lock (_gate)
        {
            Sweep();
            if (!_lanes.TryGetValue(mailbox, out lane!)) _lanes[mailbox] = lane = new Lane(perMailbox);
            lane.Users++;
        }
        try
        {
            await lane.Slots.WaitAsync(ct);
        }
        catch
        {
            Leave(lane, entered: false);
            throw;
        }
        return new Slot(this, lane);
    }

    private void Leave(Lane lane, bool entered)
    {
        if (entered) lane.Slots.Release();
        lock (_gate)
        {
            lane.Users--;
            lane.LastUsed = clock.GetUtcNow();
        }
    }

    // Under _gate: a lane with Users == 0 has no waiter and nobody inside, so dropping it loses nothing.
    private void Sweep()
    {
        var now = clock.GetUtcNow();
        if (now < _nextSweep) return;
        _nextSweep = now + IdleAfter;
        foreach (var (key, lane) in _lanes.ToList())
            if (lane.Users == 0 && now - lane.LastUsed >= IdleAfter)
            {
                _lanes.Remove(key);
                lane.Slots.Dispose();
            }
    }

    private sealed class Slot(MailboxGate owner, Lane lane) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) owner.Leave(lane, entered: true);
        }
    }
}
