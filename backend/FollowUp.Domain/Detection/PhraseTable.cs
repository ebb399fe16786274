namespace FollowUp.Domain.Detection;

/// <summary>
/// Literal folded phrases as a double-array trie over the characters the phrases use: a state's children sit at its base plus
/// their character's class, each slot naming its parent, so one step reads one small slot. A full row per state (a flat
/// table) took 850 KB for the subject phrases and missed the cache on most steps; the slots take under 90 KB.
/// </summary>
internal sealed class PhraseTable
{
    /// <summary>One trie state: where its children start, its parent's slot, and the phrase that ends here.</summary>
    private struct Slot
    {
        public int Base;
        // The parent's slot; -1 for a free slot and for the root.
        public int Check;
        // The phrase that ends here and its group, as id * MaxGroups + group; -1 when none ends here.
        public int Accept;
    }

    // Class 0 is "a character no phrase uses"; the others run from 1.
    private readonly byte[] _asciiClass = new byte[128];
    // The ASCII characters some phrase starts with, as bits (0..63, 64..127).
    private readonly ulong[] _asciiStarts = new ulong[2];
    private readonly Dictionary<char, int> _otherClass = [];
    // Slot 0 is the root.
    private readonly Slot[] _slots;

    public PhraseTable(IReadOnlyList<(string Phrase, int Id, int Group)> foldedPhrases)
    {
        var chars = foldedPhrases.SelectMany(p => p.Phrase).Distinct().Order().ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] < 128) _asciiClass[chars[i]] = (byte)(i + 1);
            else _otherClass[chars[i]] = i + 1;
        }

        // The trie first, as child lists; then each state, breadth first, gets the lowest base where all its children fit.
        var children = new List<List<(int Class, int State)>> { new() };
        var accept = new List<int> { -1 };
        foreach (var (phrase, id, group) in foldedPhrases)
        {
            if (phrase.Length == 0) continue;
            if (group is < 0 or >= MaxGroups) throw new ArgumentOutOfRangeException(nameof(foldedPhrases), "too many groups of phrases");
            var state = 0;
            foreach (var c in phrase)
            {
                var cls = Class(c);
                var kids = children[state];
                var at = kids.FindIndex(k => k.Class == cls);
                if (at < 0)
                {
                    kids.Add((cls, children.Count));
                    children.Add([]);
                    accept.Add(-1);
                    at = kids.Count - 1;
                }
                state = kids[at].State;
            }
            accept[state] = id * MaxGroups + group;
        }

        var slots = new List<Slot> { new() { Check = -1, Accept = accept[0] } };
        var used = new List<bool> { true };
        var slotOf = new int[children.Count];
        var queue = new Queue<int>([0]);
        var firstFree = 1;
        while (queue.TryDequeue(out var state))
        {
            var kids = children[state];
            if (kids.Count == 0) continue;
            kids.Sort();
            while (firstFree < used.Count && used[firstFree]) firstFree++;
            var baseAt = Math.Max(1, firstFree - kids[0].Class);
            while (!Fits(baseAt)) baseAt++;
            var parent = slotOf[state];
            slots[parent] = slots[parent] with { Base = baseAt };
            foreach (var (cls, child) in kids)
            {
                var at = baseAt + cls;
                while (used.Count <= at)
                {
                    used.Add(false);
                    slots.Add(new Slot { Check = -1, Accept = -1 });
                }
                used[at] = true;
                slots[at] = new Slot { Check = parent, Accept = accept[child] };
                slotOf[child] = at;
                queue.Enqueue(child);
            }

            bool Fits(int at)
            {
                foreach (var (cls, _) in kids)
                    if (at + cls < used.Count && used[at + cls]) return false;
                return true;
            }
        }
        _slots = [.. slots];
        for (var c = 0; c < 128; c++)
            if (_asciiClass[c] != 0 && Child(0, _asciiClass[c]) > 0) _asciiStarts[c >> 6] |= 1UL << (c & 63);
    }

    private int Class(char c) => c < 128 ? _asciiClass[c] : OtherClass(c);

    private int OtherClass(char c) => _otherClass.TryGetValue(c, out var cls) ? cls : 0;

    /// <summary>The slot reached from <paramref name="slot"/> by a character of class <paramref name="cls"/> (1 and up), or 0.</summary>
    private int Child(int slot, int cls)
    {
        var at = _slots[slot].Base + cls;
        return (uint)at < (uint)_slots.Length && _slots[at].Check == slot ? at : 0;
    }

    public const int MaxGroups = 16;

    /// <summary>The longest phrase id per group, on the stack.</summary>
    [System.Runtime.CompilerServices.InlineArray(MaxGroups)]
    public struct GroupSlots
    {
        private int _first;
    }

    /// <summary>False when no phrase starts with <paramref name="c"/>: most places in a text start none.</summary>
    public bool MayStartWith(char c) => c >= 128 || ((_asciiStarts[c >> 6] >> (c & 63)) & 1) != 0;

    /// <summary>
    /// Walks the phrases that start at <paramref name="pos"/> and keeps, per group of phrases, the id of the longest one: one
    /// walk stands for one walk per group. Returns the groups found as bits (0 when no phrase starts there).
    /// </summary>
    public uint LongestByGroup(ReadOnlySpan<char> text, int pos, ref GroupSlots longestId)
    {
        var slots = _slots;
        var cls = Class(text[pos]);
        if (cls == 0) return 0;
        var state = Child(0, cls);
        if (state == 0) return 0;
        var found = 0u;
        var i = pos + 1;
        while (true)
        {
            ref readonly var here = ref slots[state];
            if (here.Accept >= 0)
            {
                var group = here.Accept % MaxGroups;
                longestId[group] = here.Accept / MaxGroups;
                found |= 1u << group;
            }
            if (i == text.Length) break;
            cls = Class(text[i++]);
            if (cls == 0) break;
            var next = here.Base + cls;
            if ((uint)next >= (uint)slots.Length || slots[next].Check != state) break;
            state = next;
        }
        return found;
    }
}
