using System.Text.RegularExpressions;

namespace FollowUp.Domain.Detection;

/// <summary>Curated phrases in literal tries; a whole-word match names the signal it belongs to.</summary>
internal sealed class PhraseSet
{
    // Chunked as when each chunk was one automaton regex (about 10,000 states at most), so overlapping matches resolve alike.
    private const int MaxPatternLength = 8000;
    private readonly PhraseTrie[] _tries;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _signalOf;
    private readonly Dictionary<string, string> _original;

    public PhraseSet(IEnumerable<(string Phrase, int Signal)> phrases)
    {
        var bySignal = new Dictionary<string, int>(StringComparer.Ordinal);
        _original = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (phrase, signal) in phrases)
        {
            var folded = FoldedText.Fold(phrase.Trim());
            if (folded.Length == 0 || !bySignal.TryAdd(folded, signal)) continue;
            _original[folded] = phrase.Trim();
        }
        // The chunks once kept each regex under the automaton's limit; each trie keeps its chunk so matches stay the same.
        _tries = Chunks(bySignal.Keys.OrderByDescending(k => k.Length)).Select(chunk => new PhraseTrie(chunk)).ToArray();
        _signalOf = bySignal.GetAlternateLookup<ReadOnlySpan<char>>();
    }

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

    /// <summary>Marks each signal found in <paramref name="folded"/> with the first phrase that showed it.</summary>
    public void Find(string folded, string?[] firstPhraseBySignal)
    {
        if (_tries.Length == 1)
        {
            for (var (index, length) = _tries[0].Find(folded, 0); index >= 0; (index, length) = _tries[0].Find(folded, index + length))
                Mark(folded, index, length, firstPhraseBySignal);
            return;
        }
        // Several tries: keep the leftmost-longest matches that do not overlap, as one regex would have.
        var found = new List<(int Index, int Length)>();
        foreach (var trie in _tries)
            for (var (index, length) = trie.Find(folded, 0); index >= 0; (index, length) = trie.Find(folded, index + length))
                found.Add((index, length));
        found.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : b.Length.CompareTo(a.Length));
        var end = 0;
        foreach (var (index, length) in found)
        {
            if (index < end) continue;
            Mark(folded, index, length, firstPhraseBySignal);
            end = index + length;
        }
    }

    private void Mark(string folded, int index, int length, string?[] firstPhraseBySignal)
    {
        if (_signalOf.TryGetValue(folded.AsSpan(index, length), out var key, out var signal) && firstPhraseBySignal[signal] is null)
            firstPhraseBySignal[signal] = _original[key];
    }

    internal static bool IsWholeWord(string text, int index, int length)
    {
        var end = index + length;
        if (IsWordChar(text[index]) && index > 0 && IsWordChar(text[index - 1])) return false;
        if (IsWordChar(text[end - 1]) && end < text.Length && IsWordChar(text[end])) return false;
        return true;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
