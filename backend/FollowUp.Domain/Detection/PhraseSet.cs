using System.Text.RegularExpressions;

namespace FollowUp.Domain.Detection;

/// <summary>Curated phrases compiled into one regex; a whole-word match names the signal it belongs to.</summary>
internal sealed class PhraseSet
{
    private readonly Regex _regex;
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
        // Hundreds of alternatives: the automaton engine scans each character once, about 5x faster here than Compiled.
        _regex = new Regex(Alternation(bySignal.Keys), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        _signalOf = bySignal.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// A bare alternation, longest first so "exit interview" wins over "interview" at the same place. Word boundaries
    /// are checked in code: the automaton engine supports no lookarounds.
    /// </summary>
    internal static string Alternation(IEnumerable<string> foldedPhrases) =>
        string.Join("|", foldedPhrases.Distinct().OrderByDescending(p => p.Length).Select(Regex.Escape));

    /// <summary>Marks each signal found in <paramref name="folded"/> with the first phrase that showed it.</summary>
    public void Find(string folded, string?[] firstPhraseBySignal)
    {
        var start = 0;
        while (start < folded.Length)
        {
            var restart = -1;
            foreach (var m in _regex.EnumerateMatches(folded, start))
            {
                if (!IsWholeWord(folded, m.Index, m.Length))
                {
                    // A longer phrase failed its boundary ("exit interviewer"); look again one character on.
                    restart = m.Index + 1;
                    break;
                }
                var span = folded.AsSpan(m.Index, m.Length);
                if (_signalOf.TryGetValue(span, out var key, out var signal) && firstPhraseBySignal[signal] is null)
                    firstPhraseBySignal[signal] = _original[key];
            }
            if (restart < 0) return;
            start = restart;
        }
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
