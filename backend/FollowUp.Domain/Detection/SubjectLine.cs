namespace FollowUp.Domain.Detection;

/// <summary>A subject without the prefixes mail and calendar add ("Canceled: ", "Updated invitation: ", "RE: ").</summary>
internal static class SubjectLine
{
    /// <summary>Folded prefixes, longest first, grouped by their first character: a subject is only tried against its own group.</summary>
    public sealed class Prefixes
    {
        private readonly string[][] _byAsciiFirst = new string[128][];
        private readonly string[] _otherFirst;

        public Prefixes(IReadOnlyList<string> foldedLongestFirst)
        {
            for (var c = 0; c < 128; c++) _byAsciiFirst[c] = foldedLongestFirst.Where(p => p.Length > 0 && p[0] == c).ToArray();
            _otherFirst = foldedLongestFirst.Where(p => p.Length > 0 && p[0] >= 128).ToArray();
        }

        /// <summary>The prefixes that may start <paramref name="text"/>, in the order given.</summary>
        public string[] StartingWith(ReadOnlySpan<char> text) => text.IsEmpty ? [] : text[0] < 128 ? _byAsciiFirst[text[0]] : _otherFirst;
    }

    /// <summary>Strips known prefixes from a folded subject; tells whether one of them announced a cancellation.</summary>
    public static ReadOnlySpan<char> StripPrefixes(ReadOnlySpan<char> folded, Prefixes foldedPrefixes, out bool cancelled)
    {
        cancelled = false;
        var text = folded.TrimStart();
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var prefix in foldedPrefixes.StartingWith(text))
            {
                if (!text.StartsWith(prefix, StringComparison.Ordinal)) continue;
                if (prefix.StartsWith("cancel", StringComparison.Ordinal) || prefix.StartsWith("abgesagt", StringComparison.Ordinal)
                    || prefix.StartsWith("annul", StringComparison.Ordinal) || prefix.StartsWith("geannuleerd", StringComparison.Ordinal))
                    cancelled = true;
                text = text[prefix.Length..].TrimStart();
                stripped = true;
                break;
            }
        }
        return text;
    }

    /// <summary>The original-cased subject without prefixes, for reading names and companies.</summary>
    public static string StripPrefixesKeepCase(string subject, IReadOnlyList<string> foldedPrefixes)
    {
        var text = subject.Trim();
        for (var guard = 0; guard < 8; guard++)
        {
            var folded = FoldedText.Fold(text.Length > 40 ? text[..40] : text);
            var match = foldedPrefixes.FirstOrDefault(p => folded.StartsWith(p, StringComparison.Ordinal));
            if (match is null) break;
            // Folding can change lengths ("Annulé" keeps its length after dropping the accent mark); find the colon instead.
            var colon = text.IndexOf(':');
            if (colon < 0) break;
            text = text[(colon + 1)..].TrimStart();
        }
        return text;
    }
}
