using System.Globalization;
using System.Text;

namespace FollowUp.Domain.Detection;

/// <summary>Text reduced to lower case without accents, so "Vorstellungsgespräch" and "VORSTELLUNGSGESPRACH" match alike.</summary>
internal static class FoldedText
{
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
