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
        // Nodes with many children also index them by ASCII character, as the root does.
        public Node?[]? Ascii;
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
        if (node.Keys.Length >= 4 && node.Keys.All(k => k < 128))
        {
            node.Ascii = new Node?[128];
            for (var i = 0; i < node.Keys.Length; i++) node.Ascii[node.Keys[i]] = node.Children[i];
        }
        foreach (var child in node.Children) Seal(child);
    }

    /// <summary>The first whole-word match at or after <paramref name="start"/>, or (-1, 0).</summary>
    public (int Index, int Length) Find(ReadOnlySpan<char> text, int start)
    {
        if (_empty) return (-1, 0);
        var afterWordChar = start > 0 && start <= text.Length && IsWordChar(text[start - 1]);
        for (var pos = start; pos < text.Length; pos++)
        {
            var isWordChar = IsWordChar(text[pos]);
            // A match starting inside a word fails its left boundary, and the search would go on one character later anyway.
            if (isWordChar && afterWordChar) continue;
            afterWordChar = isWordChar;
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
            var c = text[i];
            if (node.Ascii is { } ascii)
            {
                if (c >= 128 || ascii[c] is not { } next) break;
                node = next;
            }
            else
            {
                var keys = node.Keys;
                var k = 0;
                while (k < keys.Length && keys[k] != c) k++;
                if (k == keys.Length) break;
                node = node.Children[k];
            }
            if (node.Ends) longest = i - pos + 1;
        }
        return longest;
    }

    // ASCII letters and digits as bits: the scan asks this of every character.
    private const ulong AsciiWordLow = 0x03FF_0000_0000_0000; // '0'..'9'
    private const ulong AsciiWordHigh = 0x07FF_FFFE_07FF_FFFE; // 'A'..'Z', 'a'..'z'

    internal static bool IsWordChar(char c) => c < 128
        ? ((c < 64 ? AsciiWordLow >> c : AsciiWordHigh >> (c - 64)) & 1) != 0
        : char.IsLetterOrDigit(c);
}
