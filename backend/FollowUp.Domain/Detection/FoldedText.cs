using System.Globalization;
using System.Text;

namespace FollowUp.Domain.Detection;

/// <summary>Text reduced to lower case without accents, so "Vorstellungsgespräch" and "VORSTELLUNGSGESPRACH" match alike.</summary>
internal static class FoldedText
{
    /// <summary>
    /// Folds like <see cref="Fold(string?, int)"/>, without a new string for plain ASCII: lower case goes as is, upper case is
    /// lowered into a pooled buffer (given back with <see cref="Return"/>). Only other text gets a folded string.
    /// </summary>
    public static ReadOnlySpan<char> Fold(string? text, int maxLength, ref char[]? rented)
    {
        if (string.IsNullOrEmpty(text)) return default;
        var source = text.Length > maxLength ? text.AsSpan(0, maxLength) : text.AsSpan();
        if (!System.Text.Ascii.IsValid(source)) return Fold(text, maxLength).AsSpan();
        if (source.IndexOfAnyInRange('A', 'Z') < 0) return source;
        rented = System.Buffers.ArrayPool<char>.Shared.Rent(source.Length);
        System.Text.Ascii.ToLower(source, rented, out var written);
        return rented.AsSpan(0, written);
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
}
