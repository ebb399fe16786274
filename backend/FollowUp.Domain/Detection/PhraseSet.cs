using System.Text.RegularExpressions;

namespace FollowUp.Domain.Detection;

/// <summary>Curated phrases compiled into one whole-word regex; a match names the signal it belongs to.</summary>
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
        // Longest first, so "exit interview" wins over "interview" at the same place.
        var alternation = string.Join("|", bySignal.Keys.OrderByDescending(p => p.Length).Select(Regex.Escape));
        _regex = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{alternation})(?![\p{{L}}\p{{N}}])",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);
        _signalOf = bySignal.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Marks each signal found in <paramref name="folded"/> with the first phrase that showed it.</summary>
    public void Find(string folded, string?[] firstPhraseBySignal)
    {
        if (folded.Length == 0) return;
        foreach (var m in _regex.EnumerateMatches(folded))
        {
            var span = folded.AsSpan(m.Index, m.Length);
            if (_signalOf.TryGetValue(span, out var key, out var signal) && firstPhraseBySignal[signal] is null)
                firstPhraseBySignal[signal] = _original[key];
        }
    }
}
