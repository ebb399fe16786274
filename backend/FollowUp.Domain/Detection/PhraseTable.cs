namespace FollowUp.Domain.Detection;

/// <summary>
/// Literal folded phrases as a flat transition table over the characters the phrases use: walking a phrase costs one array
/// read per character, where a trie of objects chased a reference and searched a key list.
/// </summary>
internal sealed class PhraseTable
{
    // Class 0 is "a character no phrase uses"; state 0 is the root, which no transition leads back to, so 0 also means "no way on".
    private readonly byte[] _asciiClass = new byte[128];
    // The ASCII characters some phrase starts with, as bits (0..63, 64..127).
    private readonly ulong[] _asciiStarts = new ulong[2];
    private readonly Dictionary<char, int> _otherClass = [];
    private readonly int _classes;
    private readonly ushort[] _next;
    private readonly int[] _id;
    private readonly int[] _group;

    public PhraseTable(IReadOnlyList<(string Phrase, int Id, int Group)> foldedPhrases)
    {
        var chars = foldedPhrases.SelectMany(p => p.Phrase).Distinct().Order().ToArray();
        _classes = chars.Length + 1;
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] < 128) _asciiClass[chars[i]] = (byte)(i + 1);
            else _otherClass[chars[i]] = i + 1;
        }
        var next = new List<ushort[]> { new ushort[_classes] };
        var ids = new List<int> { -1 };
        var groups = new List<int> { 0 };
        foreach (var (phrase, id, group) in foldedPhrases)
        {
            if (phrase.Length == 0) continue;
            if (group is < 0 or >= MaxGroups) throw new ArgumentOutOfRangeException(nameof(foldedPhrases), "too many groups of phrases");
            var state = 0;
            foreach (var c in phrase)
            {
                var cls = Class(c);
                if (next[state][cls] == 0)
                {
                    if (next.Count == ushort.MaxValue) throw new InvalidOperationException("too many phrase states for the table");
                    next[state][cls] = (ushort)next.Count;
                    next.Add(new ushort[_classes]);
                    ids.Add(-1);
                    groups.Add(0);
                }
                state = next[state][cls];
            }
            ids[state] = id;
            groups[state] = group;
        }
        _next = next.SelectMany(row => row).ToArray();
        for (var c = 0; c < 128; c++)
            if (_next[_asciiClass[c]] != 0) _asciiStarts[c >> 6] |= 1UL << (c & 63);
        _id = [.. ids];
        _group = [.. groups];
    }

    private int Class(char c) => c < 128 ? _asciiClass[c] : OtherClass(c);

    private int OtherClass(char c) => _otherClass.TryGetValue(c, out var cls) ? cls : 0;

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
        var next = _next;
        var classes = _classes;
        var state = (int)next[Class(text[pos])];
        if (state == 0) return 0;
        var found = 0u;
        var i = pos + 1;
        while (true)
        {
            var id = _id[state];
            if (id >= 0)
            {
                var group = _group[state];
                longestId[group] = id;
                found |= 1u << group;
            }
            if (i == text.Length) break;
            var cls = Class(text[i++]);
            if (cls == 0) break;
            state = next[state * classes + cls];
            if (state == 0) break;
        }
        return found;
    }
}
