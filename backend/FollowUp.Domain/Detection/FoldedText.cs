using System.Globalization;
using System.Text;

namespace FollowUp.Domain.Detection;

/// <summary>Text reduced to lower case without accents, so "Vorstellungsgespräch" and "VORSTELLUNGSGESPRACH" match alike.</summary>
internal static class FoldedText
{
    /// <summary>
    /// Folds like <see cref="Fold(string?, int)"/> into <paramref name="scratch"/> when it is large enough, else into a pooled
    /// buffer (given back with <see cref="Return"/>). One pass lowers ASCII text and finds out whether it is ASCII; only text
    /// that needs normalising gets a string.
    /// </summary>
    public static ReadOnlySpan<char> Fold(string? text, int maxLength, Span<char> scratch, ref char[]? rented)
    {
        if (string.IsNullOrEmpty(text)) return default;
        var source = text.Length > maxLength ? text.AsSpan(0, maxLength) : text.AsSpan();
        var needed = source.Length * Latin.MaxExpansion;
        var buffer = needed <= scratch.Length ? scratch : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(needed));
        if (System.Text.Ascii.ToLower(source, buffer, out var lowered) == System.Buffers.OperationStatus.Done) return buffer[..lowered];
        if (Latin.TryFold(source, buffer, out var written)) return buffer[..written];
        return FoldByNormalising(source).AsSpan();
    }

    public static void Return(char[]? rented)
    {
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
    }

    public static string Fold(string? text, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var source = text.Length > maxLength ? text.AsSpan(0, maxLength) : text.AsSpan();
        var plainAscii = true;
        var hasUpper = false;
        foreach (var c in source)
        {
            if (c > 127) { plainAscii = false; break; }
            if (c is >= 'A' and <= 'Z') hasUpper = true;
        }
        // Most subjects are ASCII: skip Unicode normalisation for them.
        if (plainAscii)
        {
            if (!hasUpper) return source.Length == text.Length ? text : source.ToString();
            return string.Create(source.Length, text, static (span, t) =>
            {
                for (var i = 0; i < span.Length; i++) { var c = t[i]; span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c; }
            });
        }
        if (source.Length <= 1024)
        {
            Span<char> buffer = stackalloc char[source.Length * Latin.MaxExpansion];
            if (Latin.TryFold(source, buffer, out var written)) return new string(buffer[..written]);
        }
        return FoldByNormalising(source);
    }

    /// <summary>The reference fold: canonical decomposition, then marks dropped, quotes, dashes and spaces unified, lower case.</summary>
    internal static string FoldByNormalising(ReadOnlySpan<char> source)
    {
        var decomposed = source.ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'ß': sb.Append("ss"); continue;
                case '\u2019' or '\u2018' or '\u00B4' or '`': sb.Append('\''); continue;
                case '\u2013' or '\u2014' or '\u2212': sb.Append('-'); continue;
                case '\u00A0': sb.Append(' '); continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format) continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>
    /// The reference fold worked out once per character for Latin letters and common punctuation. Text made only of characters
    /// whose decomposition starts with a base character decomposes character by character (no marks to reorder across them),
    /// so folding each character alone gives the same text without normalising the whole.
    /// </summary>
    private static class Latin
    {
        private const int LatinEnd = 0x0300;
        private const int PunctuationStart = 0x2000;
        private const int PunctuationEnd = 0x2300;
        private static readonly string?[] Folded = Build();
        public static readonly int MaxExpansion = Math.Max(1, Folded.Max(f => f?.Length ?? 0));

        private static string?[] Build()
        {
            var table = new string?[LatinEnd + PunctuationEnd - PunctuationStart];
            for (var i = 0; i < table.Length; i++)
            {
                var c = (char)(i < LatinEnd ? i : i - LatinEnd + PunctuationStart);
                if (char.IsSurrogate(c) || IsMark(c)) continue;
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                if (decomposed.Length == 0 || IsMark(decomposed[0])) continue;
                table[i] = FoldByNormalising([c]);
            }
            return table;
        }

        private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
            is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

        /// <summary>False when a character is outside the table: the caller normalises instead.</summary>
        public static bool TryFold(ReadOnlySpan<char> source, Span<char> destination, out int written)
        {
            written = 0;
            foreach (var c in source)
            {
                var folded = c < LatinEnd ? Folded[c] : c is >= (char)PunctuationStart and < (char)PunctuationEnd ? Folded[c - PunctuationStart + LatinEnd] : null;
                if (folded is null) return false;
                if (folded.Length == 1) destination[written++] = folded[0];
                else
                {
                    folded.CopyTo(destination[written..]);
                    written += folded.Length;
                }
            }
            return true;
        }
    }
}
