using System.Buffers;
using System.Text.RegularExpressions;

namespace FollowUp.Domain.Detection;

/// <summary>Curated phrases in literal tries; a whole-word match names the signal it belongs to.</summary>
internal sealed class PhraseSet
{
    // Chunked as when each chunk was one automaton regex (about 10,000 states at most), so overlapping matches resolve alike.
    private const int MaxPatternLength = 8000;
    private readonly PhraseTable _all;
    private readonly string[] _original;
    private readonly string[] _folded;
    private readonly int[] _signal;

    public PhraseSet(IEnumerable<(string Phrase, int Signal)> phrases)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var original = new List<string>();
        var folded = new List<string>();
        var signals = new List<int>();
        foreach (var (phrase, signal) in phrases)
        {
            var key = FoldedText.Fold(phrase.Trim());
            if (key.Length == 0 || !ids.TryAdd(key, folded.Count)) continue;
            folded.Add(key);
            original.Add(phrase.Trim());
            signals.Add(signal);
        }
        _original = [.. original];
        _folded = [.. folded];
        _signal = [.. signals];
        if (_signal.Length > 0 && _signal.Max() >= MaxSignals)
            throw new ArgumentOutOfRangeException(nameof(phrases), $"a phrase set takes at most {MaxSignals} signals");
        // The chunks once kept each regex under the automaton's limit; each trie keeps its chunk so matches stay the same.
        var chunks = Chunks(ids.Keys.OrderByDescending(k => k.Length)).ToArray();
        var chunkOf = new int[_folded.Length];
        for (var c = 0; c < chunks.Length; c++)
            foreach (var phrase in chunks[c]) chunkOf[ids[phrase]] = c;
        _all = new PhraseTable(ids.Select(kv => (kv.Key, kv.Value, chunkOf[kv.Value])).ToArray());
    }

    /// <summary>How many distinct phrases there are; phrase ids run from 0 to Count - 1.</summary>
    public int Count => _original.Length;

    /// <summary>The phrase as curated (trimmed), for reasons.</summary>
    public string Original(int id) => _original[id];

    /// <summary>The phrase folded, as it is matched.</summary>
    public string Folded(int id) => _folded[id];

    /// <summary>The index of the signal the phrase belongs to.</summary>
    public int Signal(int id) => _signal[id];

    /// <summary>
    /// A bare alternation, longest first so "exit interview" wins over "interview" at the same place. Word boundaries
    /// are checked in code: the automaton engine supports no lookarounds.
    /// </summary>
    internal static string Alternation(IEnumerable<string> foldedPhrases) =>
        string.Join("|", foldedPhrases.Distinct().OrderByDescending(p => p.Length).Select(Regex.Escape));

    private static IEnumerable<List<string>> Chunks(IEnumerable<string> phrases)
    {
        var chunk = new List<string>();
        var length = 0;
        foreach (var p in phrases)
        {
            var cost = Regex.Escape(p).Length + 1;
            if (chunk.Count > 0 && length + cost > MaxPatternLength) { yield return chunk; chunk = []; length = 0; }
            chunk.Add(p);
            length += cost;
        }
        if (chunk.Count > 0) yield return chunk;
    }

    /// <summary>The most signals a set may have: <see cref="Find"/> answers which were found as the bits of one number.</summary>
    public const int MaxSignals = 64;

    /// <summary>
    /// Returns the signals found in <paramref name="folded"/> as bits (bit i for signal i), and marks each with the id of the
    /// first phrase that showed it; the places of signals not found are left as they were.
    /// </summary>
    public ulong Find(ReadOnlySpan<char> folded, Span<int> firstPhraseBySignal)
    {
        var foundSignals = 0UL;
        // One walk over the text for all chunks. Each chunk goes on after its own last match, as its own search did; of the chunks'
        // matches, the leftmost-longest that do not overlap count, as one regex would have had it.
        var longestId = new PhraseTable.GroupSlots();
        var nextAllowed = new PhraseTable.GroupSlots();
        var end = 0;
        for (int pos = 0, next; pos < folded.Length; pos = next)
        {
            var c = folded[pos];
            // A match starting inside a word fails its left boundary: from a word's start, go on at its end.
            next = PhraseTrie.IsWordChar(c) ? WordEnd(folded, pos + 1) : pos + 1;
            if (!_all.MayStartWith(c)) continue;
            var found = _all.LongestByGroup(folded, pos, ref longestId);
            if (found == 0) continue;
            var pickLength = 0;
            var pickId = -1;
            for (; found != 0; found &= found - 1)
            {
                var k = System.Numerics.BitOperations.TrailingZeroCount(found);
                // Only the longest phrase of a chunk at a place counts: a shorter one there was never tried by the alternation either.
                if (pos < nextAllowed[k]) continue;
                var id = longestId[k];
                var length = _folded[id].Length;
                if (!IsWholeWord(folded, pos, length)) continue;
                nextAllowed[k] = pos + length;
                if (length > pickLength) (pickLength, pickId) = (length, id);
            }
            if (pickId < 0 || pos < end) continue;
            var signal = _signal[pickId];
            if ((foundSignals & (1UL << signal)) == 0)
            {
                firstPhraseBySignal[signal] = pickId;
                foundSignals |= 1UL << signal;
            }
            end = pos + pickLength;
        }
        return foundSignals;
    }

    private static readonly SearchValues<char> AsciiWordChars = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Where the word going on at <paramref name="from"/> ends: ASCII letters and digits are skipped many at a time.</summary>
    private static int WordEnd(ReadOnlySpan<char> text, int from)
    {
        while (true)
        {
            var skip = text[from..].IndexOfAnyExcept(AsciiWordChars);
            if (skip < 0) return text.Length;
            from += skip;
            if (!IsWordChar(text[from])) return from;
            from++;
        }
    }

    internal static bool IsWholeWord(ReadOnlySpan<char> text, int index, int length)
    {
        var end = index + length;
        if (IsWordChar(text[index]) && index > 0 && IsWordChar(text[index - 1])) return false;
        if (IsWordChar(text[end - 1]) && end < text.Length && IsWordChar(text[end])) return false;
        return true;
    }

    private static bool IsWordChar(char c) => PhraseTrie.IsWordChar(c);
}
