namespace FollowUp.Domain.Interests;

/// <summary>
/// A word of the notes: where it is, its lower-case form, its clause, its aside (a stretch between dashes or brackets)
/// and its phrase (a stretch between commas, dashes or brackets).
/// </summary>
internal readonly record struct NoteToken(int Start, int End, string Norm, bool Capitalized, bool Initial, int Clause, int Aside = 0, int Phrase = 0);

/// <summary>Splits notes into words and clauses, the units the extractor reasons about.</summary>
internal static class NoteTokens
{
    // Characters between two words that start a fresh phrase (bullets, dashes, brackets): a capital after them is no name.
    private const string PhraseStarts = "-–—(*•\"“”/\n";

    public static List<NoteToken> Split(string text, ISet<string> honorifics, ISet<string> clauseBreakWords)
    {
        var tokens = new List<NoteToken>(text.Length / 5 + 4);
        int clause = 0, aside = 0, phrase = 0, previousEnd = 0, i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]) && text[i] != '&') { i++; continue; }
            int start = i;
            if (text[i] == '&')
            {
                // "Dungeons & Dragons", "D&D": the ampersand reads as "and" in notes and in the vocabulary alike.
                i++;
                tokens.Add(new NoteToken(start, i, "and", false, false, tokens.Count == 0 ? 0 : tokens[^1].Clause, aside, phrase));
                previousEnd = i;
                continue;
            }
            while (i < text.Length && (char.IsLetterOrDigit(text[i])
                   || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && char.IsLetter(text[i - 1]))))
                i++;
            string norm = Normalize(text.AsSpan(start, i - start));
            bool first = tokens.Count == 0;
            bool breaks = !first && BreaksClause(text, previousEnd, start, tokens[^1], honorifics);
            if (!first && (breaks || clauseBreakWords.Contains(norm))) clause++;
            var gap = text.AsSpan(previousEnd, start - previousEnd);
            bool asideBreak = !first && (breaks || OpensAside(gap));
            if (asideBreak) aside++;
            if (!first && (asideBreak || clauseBreakWords.Contains(norm) || gap.Contains(','))) phrase++;
            bool initial = first || breaks || clauseBreakWords.Contains(norm)
                           || text.AsSpan(previousEnd, start - previousEnd).IndexOfAny(PhraseStarts) >= 0;
            tokens.Add(new NoteToken(start, i, norm, char.IsUpper(text[start]), initial, clause, aside, phrase));
            previousEnd = i;
        }
        return tokens;
    }

    /// <summary>Lower case, curly apostrophes straightened, possessive 's dropped ("Ella's" → "ella").</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(buffer);
        buffer.Replace('’', '\'');
        var lower = new string(buffer);
        if (lower.EndsWith("'s", StringComparison.Ordinal) && lower.Length > 2) return lower[..^2];
        return lower.TrimEnd('\'');
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’';

    // "Go. Not the language - the board game": a spaced dash, a long dash or a bracket sets words apart; "sci-fi" does not.
    private static bool OpensAside(ReadOnlySpan<char> gap) =>
        gap.IndexOfAny("–—()[]") >= 0 || (gap.Contains('-') && gap.ContainsAny(" \t\n"));

    private static bool BreaksClause(string text, int from, int to, NoteToken previous, ISet<string> honorifics)
    {
        for (int k = from; k < to; k++)
        {
            char c = text[k];
            if (c == '\n') return true;
            if (c is '.' or '!' or '?' or ';' or ':')
            {
                bool followedBySpace = k + 1 >= text.Length || char.IsWhiteSpace(text[k + 1]) || text[k + 1] is ')' or '"' or '”';
                if (!followedBySpace) continue;
                // "Mr. Baker" and "J. Smith" stay in one clause; "book 3. we talked" does not.
                if (c == '.' && (honorifics.Contains(previous.Norm) || (previous.Norm.Length == 1 && char.IsLetter(previous.Norm[0])))) continue;
                return true;
            }
        }
        return false;
    }
}
