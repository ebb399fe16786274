using System.Text.RegularExpressions;

namespace FollowUp.Domain.Detection;

/// <summary>Finds any of a list of words or phrases, as whole words, in folded text.</summary>
internal sealed class WordMatcher
{
    private readonly Regex _regex;

    public WordMatcher(IEnumerable<string> phrases)
    {
        var folded = phrases.Select(p => FoldedText.Fold(p.Trim())).Where(p => p.Length > 0).ToList();
        // An empty list must match nothing, not everything.
        _regex = folded.Count == 0 ? new Regex("(?!)") : new Regex(PhraseSet.Alternation(folded), RegexOptions.Compiled | RegexOptions.CultureInvariant);
    }

    public bool IsMatch(string folded) => Find(folded, 0).Index >= 0;

    /// <summary>The first whole-word match at or after <paramref name="start"/>, or (-1, 0).</summary>
    public (int Index, int Length) Find(string folded, int start)
    {
        while (start < folded.Length)
        {
            var restart = -1;
            foreach (var m in _regex.EnumerateMatches(folded, start))
            {
                if (PhraseSet.IsWholeWord(folded, m.Index, m.Length)) return (m.Index, m.Length);
                restart = m.Index + 1;
                break;
            }
            if (restart < 0) break;
            start = restart;
        }
        return (-1, 0);
    }
}
