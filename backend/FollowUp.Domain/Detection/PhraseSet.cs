using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    // The ASCII characters outside words that some phrase starts with ("<" in "<> interview"); usually none.
    private readonly char[] _nonWordAsciiStarts;

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
        _nonWordAsciiStarts = [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !IsWordChar(c) && _all.MayStartWith(c))];
    }

    /// <summary>How many distinct phrases there are; phrase ids run from 0 to Count - 1.</summary>
    public int Count => _original.Length;

    /// <summary>The phrase as curated (trimmed), for reasons.</summary>
    public string Original(int id) => _original[id];

    /// <summary>The phrase folded, as it is matched.</summary>
    public string Folded(int id) => _folded[id];

    /// <summary>The index of the signal the phrase belongs to.</summary>
    public int Signal(int id) => _signal[id];

    // Longest first; each phrase costs what it took in the chunk's alternation: escaped, and a "|".
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
        var previousIsWord = false;
        for (var block = 0; block < folded.Length; block += BlockLength)
        {
            for (var starts = Starts(folded.Slice(block, Math.Min(BlockLength, folded.Length - block)), ref previousIsWord); starts != 0; starts &= starts - 1)
            {
                var pos = block + System.Numerics.BitOperations.TrailingZeroCount(starts);
                if (!_all.MayStartWith(folded[pos])) continue;
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
        }
        return foundSignals;
    }

    private const int BlockLength = 16;

    /// <summary>Whether blocks are read as vectors; reading them a character at a time finds the same places (tests turn this off).</summary>
    internal static bool ReadsVectors = Vector256.IsHardwareAccelerated;

    /// <summary>
    /// The places in a block of up to <see cref="BlockLength"/> characters where a phrase may start, as bits: each word's first
    /// character (a match starting inside a word fails its left boundary) and the characters outside words some phrase starts
    /// with. Plain ASCII blocks are read sixteen characters at a time.
    /// </summary>
    private uint Starts(ReadOnlySpan<char> block, ref bool previousIsWord)
    {
        if (block.Length != BlockLength || !AsciiBlock(MemoryMarshal.Cast<char, ushort>(block), out var word, out var other))
        {
            word = other = 0;
            for (var i = 0; i < block.Length; i++)
            {
                if (IsWordChar(block[i])) word |= 1u << i;
                else if (_all.MayStartWith(block[i])) other |= 1u << i;
            }
        }
        var starts = word & ~((word << 1) | (previousIsWord ? 1u : 0u));
        previousIsWord = ((word >> (block.Length - 1)) & 1) != 0;
        return starts | other;
    }

    /// <summary>
    /// Letters and digits, and characters outside words that start phrases, as bits; false when a character is past ASCII or
    /// the processor has no 256-bit vectors (the caller then reads the block a character at a time).
    /// </summary>
    private bool AsciiBlock(ReadOnlySpan<ushort> block, out uint word, out uint other)
    {
        if (ReadsVectors)
        {
            var v = Vector256.Create(block);
            word = other = 0;
            if (Vector256.GreaterThanAny(v, Vector256.Create((ushort)127))) return false;
            var letter = Vector256.LessThan((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26));
            var digit = Vector256.LessThan(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10));
            word = (letter | digit).ExtractMostSignificantBits();
            var starting = Vector256<ushort>.Zero;
            foreach (var c in _nonWordAsciiStarts) starting |= Vector256.Equals(v, Vector256.Create((ushort)c));
            other = starting.ExtractMostSignificantBits();
            return true;
        }
        word = other = 0;
        return false;
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
