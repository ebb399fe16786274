using System.Text.RegularExpressions;

namespace FollowUp.Domain.Detection;

/// <summary>Curated phrases in literal tries; a whole-word match names the signal it belongs to.</summary>
internal sealed class PhraseSet
{
    // Chunked as when each chunk was one automaton regex (about 10,000 states at most), so overlapping matches resolve alike.
    private const int MaxPatternLength = 8000;
    private readonly PhraseTrie[] _tries;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idOf;
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
        // The chunks once kept each regex under the automaton's limit; each trie keeps its chunk so matches stay the same.
        _tries = Chunks(ids.Keys.OrderByDescending(k => k.Length)).Select(chunk => new PhraseTrie(chunk)).ToArray();
        _idOf = ids.GetAlternateLookup<ReadOnlySpan<char>>();
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

    /// <summary>Marks each signal found in <paramref name="folded"/> with the id of the first phrase that showed it (-1 when none did).</summary>
    public void Find(ReadOnlySpan<char> folded, Span<int> firstPhraseBySignal)
    {
        firstPhraseBySignal.Fill(-1);
        if (_tries.Length == 1)
        {
            for (var (index, length) = _tries[0].Find(folded, 0); index >= 0; (index, length) = _tries[0].Find(folded, index + length))
                Mark(folded, index, length, firstPhraseBySignal);
            return;
        }
        // Several tries: keep the leftmost-longest matches that do not overlap, as one regex would have.
        var found = new Found(stackalloc (int, int)[32]);
        try
        {
            foreach (var trie in _tries)
                for (var (index, length) = trie.Find(folded, 0); index >= 0; (index, length) = trie.Find(folded, index + length))
                    found.Add((index, length));
            var matches = found.Items;
            matches.Sort(static (a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : b.Length.CompareTo(a.Length));
            var end = 0;
            foreach (var (index, length) in matches)
            {
                if (index < end) continue;
                Mark(folded, index, length, firstPhraseBySignal);
                end = index + length;
            }
        }
        finally
        {
            found.Dispose();
        }
    }

    /// <summary>Matches on the stack, moving to a pooled array only for a long text full of phrases.</summary>
    private ref struct Found(Span<(int Index, int Length)> initial)
    {
        private Span<(int Index, int Length)> _items = initial;
        private (int, int)[]? _rented;
        private int _count;

        public readonly Span<(int Index, int Length)> Items => _items[.._count];

        public void Add((int Index, int Length) match)
        {
            if (_count == _items.Length)
            {
                var larger = System.Buffers.ArrayPool<(int, int)>.Shared.Rent(_items.Length * 2);
                _items.CopyTo(larger);
                if (_rented is not null) System.Buffers.ArrayPool<(int, int)>.Shared.Return(_rented);
                _rented = larger;
                _items = larger;
            }
            _items[_count++] = match;
        }

        public void Dispose()
        {
            if (_rented is not null) System.Buffers.ArrayPool<(int, int)>.Shared.Return(_rented);
        }
    }

    private void Mark(ReadOnlySpan<char> folded, int index, int length, Span<int> firstPhraseBySignal)
    {
        if (_idOf.TryGetValue(folded.Slice(index, length), out var id))
        {
            var signal = _signal[id];
            if (firstPhraseBySignal[signal] < 0) firstPhraseBySignal[signal] = id;
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
