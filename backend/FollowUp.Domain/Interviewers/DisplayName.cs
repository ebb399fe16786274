using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FollowUp.Domain.Interviewers;

/// <summary>Makes a calendar's display name safe and usable for a greeting, or says it cannot.</summary>
internal static class DisplayName
{
    public const int MaxLength = 80;
    private static readonly Regex BodyFullName = new(@"(?<![\p{L}])(\p{Lu}[\p{Ll}'\-]+)(?:\s+(\p{Lu}[\p{Ll}'\-]+)){1,2}", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>Removes invisible and direction-changing characters and collapses spaces.</summary>
    public static string Strip(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var c in text)
        {
            if (IsInvisible(c)) continue;
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            sb.Append(c);
            lastWasSpace = false;
        }
        return sb.ToString().Trim().Trim('"', '\'');
    }

    /// <summary>Removes invisible and direction-changing characters but keeps line breaks (bodies are read line by line).</summary>
    public static string StripInvisible(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsInvisible(c)) continue;
            sb.Append(c == '\r' ? '\n' : c);
        }
        return sb.ToString();
    }

    private static bool IsInvisible(char c) =>
        c is >= '\u200B' and <= '\u200F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2060' and <= '\u206F' || c == '\uFEFF';

    /// <summary>The name as given, cleaned; null when it is empty, an address, hostile or junk.</summary>
    public static string? Usable(string? raw)
    {
        if (raw is null) return null;
        if (raw.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))) return null;
        var name = Strip(raw);
        if (name.Length is 0 or > MaxLength) return null;
        if (name.IndexOfAny(['<', '>', '@', '{', '}', '[', ']', '\\', '|', '=', ';']) >= 0) return null;
        if (name.Contains("javascript:", StringComparison.OrdinalIgnoreCase) || name.Contains("://", StringComparison.Ordinal)) return null;
        if (!name.Any(char.IsLetter)) return null;
        if (name.Count(c => !char.IsLetter(c) && c is not (' ' or '-' or '\'' or '.' or ',' or '(' or ')' or '’')) > 0) return null;
        var letters = name.Where(char.IsLetter).ToArray();
        if (letters.All(char.IsUpper) && letters.Length > 3)
        {
            // "NORA QUINN" is a person shouting; "XXXXXXXX URGENT XXXX" is not a person.
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 4 || words.Any(w => w.Length > 14) || words.Any(w => w.Distinct().Count() == 1 && w.Length > 2)) return null;
            name = string.Join(' ', words.Select(TitleCase));
        }
        name = DropParenthetical(name);
        var comma = name.IndexOf(',');
        if (comma > 0 && name.IndexOf(',', comma + 1) < 0)
        {
            // "Chen, Sarah" → "Sarah Chen"; a title after the comma ("Sarah Chen, PhD") is dropped instead.
            var left = name[..comma].Trim();
            var right = name[(comma + 1)..].Trim();
            name = right.Split(' ').Length == 1 && left.Split(' ').Length == 1 && right.Length > 1 && char.IsUpper(right[0]) && right != right.ToUpperInvariant()
                ? $"{right} {left}" : left;
        }
        return name.Length == 0 ? null : name;
    }

    private static string DropParenthetical(string name)
    {
        var open = name.IndexOf('(');
        return open > 0 ? name[..open].Trim() : name.Trim('(', ')', ' ');
    }

    /// <summary>A name built from the address: "sarah.chen" → "Sarah Chen", "schen" → "Schen".</summary>
    public static string FromAddress(string address)
    {
        var local = Mailboxes.LocalPart(address);
        var plus = local.IndexOf('+');
        if (plus > 0) local = local[..plus];
        var parts = local.Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => new string(p.Where(char.IsLetter).ToArray())).Where(p => p.Length > 0).ToArray();
        return parts.Length == 0 ? address : string.Join(' ', parts.Select(TitleCase));
    }

    /// <summary>A name the body gives for the owner of this address ("You'll meet Sarah Chen" for sarah.chen@).</summary>
    public static string? FromBody(string body, string address)
    {
        if (body.Length == 0) return null;
        var local = Mailboxes.LocalPart(address);
        var tokens = local.Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries).Select(t => new string(t.Where(char.IsLetter).ToArray())).Where(t => t.Length > 0).ToArray();
        if (tokens.Length == 0) return null;
        var flat = string.Concat(tokens);
        foreach (Match m in BodyFullName.Matches(body.Length > 4000 ? body[..4000] : body))
        {
            var words = m.Value.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
            var folded = words.Select(w => Detection.FoldedText.Fold(w).Replace("'", "").Replace("-", "")).ToArray();
            var first = folded[0];
            var last = folded[^1];
            var joined = string.Concat(folded);
            var matches = joined == flat
                || (tokens.Length >= 2 && first == tokens[0] && last == tokens[^1])
                || (tokens.Length == 1 && (flat == first[0] + last || flat == first + last[0] || flat == first + last || flat == first[0] + last[..Math.Min(last.Length, 7)]));
            if (matches) return string.Join(' ', words);
        }
        return null;
    }

    public static string FirstName(string name, IReadOnlySet<string> honorifics)
    {
        var text = name;
        var comma = text.IndexOf(',');
        if (comma > 0) text = text[(comma + 1)..];
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (honorifics.Contains(Detection.FoldedText.Fold(word))) continue;
            var trimmed = word.Trim('.', ',', '(', ')', '"', '\'');
            if (trimmed.Length > 0) return trimmed;
        }
        return name.Trim();
    }

    private static string TitleCase(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..].ToLower(CultureInfo.InvariantCulture);
}
