using FollowUp.Domain.Calendar;

namespace FollowUp.Domain.Detection;

/// <summary>
/// What the detector worked out about each participant (address, display name, attendee type), shared by every request. Calendars
/// repeat the same people, so nearly every lookup finds one. Readers take no lock: the table is open addressing over entries that
/// never change once published, and a table that fills up is replaced whole. Writers take a lock. Past its capacity it starts over.
/// </summary>
internal sealed class ParticipantCache<TValue> where TValue : class
{
    private sealed class Entry(ulong hash, string? address, string? name, AttendeeType type, TValue value)
    {
        public readonly ulong Hash = hash;
        public readonly string? Address = address;
        public readonly string? Name = name;
        public readonly AttendeeType Type = type;
        public readonly TValue Value = value;
    }

    private const int FirstSize = 1024;
    private readonly int _capacity;
    private readonly ulong _seed = (ulong)Random.Shared.NextInt64() | 1;
    private readonly Lock _gate = new();
    private Entry?[] _slots = new Entry?[FirstSize];
    private int _count;

    public ParticipantCache(int capacity) => _capacity = capacity;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The participant's hash, seeded per process: the address eight bytes at a time, the name by its length.</summary>
    public ulong Hash(string? address, string? name, AttendeeType type)
    {
        var h = _seed ^ (ulong)type ^ ((ulong)(uint)(name?.Length ?? 0) << 40);
        var chars = address.AsSpan();
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(chars);
        foreach (var w in words) h = (h ^ w) * 0x9E37_79B9_7F4A_7C15UL ^ ((h ^ w) >> 29);
        for (var i = words.Length * 4; i < chars.Length; i++) h = (h ^ chars[i]) * 0x9E37_79B9_7F4A_7C15UL;
        h ^= (ulong)chars.Length;
        h = h * 0xBF58_476D_1CE4_E5B9UL ^ (h >> 31);
        return h ^ (h >> 29);
    }

    public TValue? Find(ulong hash, string? address, string? name, AttendeeType type)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        for (var i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            if (slots[i] is not { } entry) return null;
            if (entry.Hash == hash && entry.Type == type && string.Equals(entry.Address, address, StringComparison.Ordinal)
                && string.Equals(entry.Name, name, StringComparison.Ordinal)) return entry.Value;
        }
    }

    /// <summary>Remembers the participant, unless another request did first.</summary>
    public void Add(ulong hash, string? address, string? name, AttendeeType type, TValue value)
    {
        lock (_gate)
        {
            if (Find(hash, address, name, type) is not null) return;
            var slots = _slots;
            var count = _count;
            if (count >= _capacity) (slots, count) = (new Entry?[FirstSize], 0);
            else if ((count + 1) * 2 > slots.Length)
            {
                var larger = new Entry?[slots.Length * 2];
                foreach (var entry in slots)
                    if (entry is not null) Place(larger, entry);
                slots = larger;
            }
            // The entry keeps its own copies of the name and address, made beside it: the caller's strings lie among a whole
            // calendar's, and every later lookup compares against them.
            Place(slots, new Entry(hash, Copy(address), Copy(name), type, value));
            Volatile.Write(ref _count, count + 1);
            Volatile.Write(ref _slots, slots);
        }
    }

    private static string? Copy(string? text) => text is null ? null : new string(text.AsSpan());

    private static void Place(Entry?[] slots, Entry entry)
    {
        var mask = slots.Length - 1;
        var i = (int)entry.Hash & mask;
        while (slots[i] is not null) i = (i + 1) & mask;
        // Published once whole: a reader sees no entry or all of it.
        Volatile.Write(ref slots[i], entry);
    }
}
