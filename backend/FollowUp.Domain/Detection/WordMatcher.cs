namespace FollowUp.Domain.Detection;

/// <summary>Finds any of a list of words or phrases, as whole words, in folded text.</summary>
internal sealed class WordMatcher
{
    // An empty list matches nothing, not everything.
    private readonly PhraseTrie _phrases;

    public WordMatcher(IEnumerable<string> phrases) =>
        _phrases = new PhraseTrie(phrases.Select(p => FoldedText.Fold(p.Trim())).Where(p => p.Length > 0));

    public bool IsMatch(ReadOnlySpan<char> folded) => Find(folded, 0).Index >= 0;

    /// <summary>The first whole-word match at or after <paramref name="start"/>, or (-1, 0).</summary>
    public (int Index, int Length) Find(ReadOnlySpan<char> folded, int start) => _phrases.Find(folded, start);
}
