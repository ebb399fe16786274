namespace FollowUp.Domain.Detection;

/// <summary>
/// Literal folded phrases in a trie. Finds whole-word matches exactly as a longest-first regex alternation with the
/// "look again one character on" rule did, but walks only from word starts instead of running a regex over every character.
/// </summary>
internal sealed class PhraseTrie
{
    private sealed class Node
    {
        public Dictionary<char, Node>? Next;
        public bool Ends;
        // Filled once built: most nodes have one or two children, where a short array beats hashing.
        public char[] Keys = [];
        public Node[] Children = [];
    }

    private readonly Node?[] _asciiRoot = new Node?[128];

    private readonly Node _root = new();
    private readonly bool _empty;

    public PhraseTrie(IEnumerable<string> foldedPhrases)
    {
        _empty = true;
        foreach (var phrase in foldedPhrases)
        {
            if (phrase.Length == 0) continue;
            var node = _root;
            foreach (var c in phrase)
            {
                node.Next ??= [];
                if (!node.Next.TryGetValue(c, out var child)) node.Next[c] = child = new Node();
                node = child;
            }
            node.Ends = true;
            _empty = false;
        }
        Seal(_root);
        foreach (var (c, child) in _root.Next ?? []) if (c < 128) _asciiRoot[c] = child;
    }

    private static void Seal(Node node)
    {
        if (node.Next is null) return;
        node.Keys = [.. node.Next.Keys];
        node.Children = [.. node.Keys.Select(k => node.Next[k])];
        foreach (var child in node.Children) Seal(child);
    }

    /// <summary>The first whole-word match at or after <paramref name="start"/>, or (-1, 0).</summary>
    public (int Index, int Length) Find(ReadOnlySpan<char> text, int start)
    {
        if (_empty) return (-1, 0);
        for (var pos = start; pos < text.Length; pos++)
        {
            // A match starting inside a word fails its left boundary, and the search would go on one character later anyway.
            if (pos > 0 && IsWordChar(text[pos]) && IsWordChar(text[pos - 1])) continue;
            var length = LongestAt(text, pos);
            // Only the longest phrase at a place counts: a shorter one there was never tried by the alternation either.
            if (length > 0 && PhraseSet.IsWholeWord(text, pos, length)) return (pos, length);
        }
        return (-1, 0);
    }

    private int LongestAt(ReadOnlySpan<char> text, int pos)
    {
        var first = text[pos];
        var node = first < 128 ? _asciiRoot[first] : _root.Next is { } roots && roots.TryGetValue(first, out var r) ? r : null;
        if (node is null) return 0;
        var longest = node.Ends ? 1 : 0;
        for (var i = pos + 1; i < text.Length; i++)
        {
            var keys = node.Keys;
            var c = text[i];
            var k = 0;
            while (k < keys.Length && keys[k] != c) k++;
            if (k == keys.Length) break;
            node = node.Children[k];
            if (node.Ends) longest = i - pos + 1;
        }
        return longest;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
