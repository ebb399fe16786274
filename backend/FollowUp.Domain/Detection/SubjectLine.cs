namespace FollowUp.Domain.Detection;

/// <summary>A subject without the prefixes mail and calendar add ("Canceled: ", "Updated invitation: ", "RE: ").</summary>
internal static class SubjectLine
{
    /// <summary>Strips known prefixes from a folded subject; tells whether one of them announced a cancellation.</summary>
    public static ReadOnlySpan<char> StripPrefixes(ReadOnlySpan<char> folded, string[] foldedPrefixes, out bool cancelled)
    {
        cancelled = false;
        var text = folded.TrimStart();
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var prefix in foldedPrefixes)
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
