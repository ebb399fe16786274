using System.Net;
using System.Text;

namespace FollowUp.Domain.Text;

/// <summary>HTML (an invite's body, an edited letter) as the reader sees it: plain text in lines, and the links it carries.</summary>
public sealed record HtmlText(string Text, IReadOnlyList<string> Links)
{
    /// <summary>The text only, one paragraph a line: trimmed, spaces folded, at most one blank line in a row.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var lines = new StringBuilder(html.Length);
        var blankRun = 1; // no blank lines at the start
        foreach (var raw in Parse(html).Text.Split('\n'))
        {
            var line = string.Join(' ', raw.Split([' ', '\t', '\r', '\f', '\v'], StringSplitOptions.RemoveEmptyEntries));
            blankRun = line.Length == 0 ? blankRun + 1 : 0;
            if (blankRun > 1) continue;
            lines.Append(line).Append('\n');
        }
        return lines.ToString().Trim();
    }

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
        { "p", "br", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr" };

    /// <summary>Strips tags (dropping script and style content), decodes entities and collects href values and bare URLs.</summary>
    public static HtmlText Parse(string? html)
    {
        html ??= "";
        var text = new StringBuilder(html.Length);
        var links = new List<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<') { text.Append(c); i++; continue; }
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }
            var close = html.IndexOf('>', i + 1);
            if (close < 0) { text.Append(html, i, html.Length - i); break; }
            var tag = html.AsSpan(i + 1, close - i - 1);
            var name = TagName(tag);
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)
                || name.Equals("head", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase))
            {
                var end = html.IndexOf("</" + name.ToString(), close, StringComparison.OrdinalIgnoreCase);
                var endClose = end < 0 ? -1 : html.IndexOf('>', end);
                i = endClose < 0 ? html.Length : endClose + 1;
                continue;
            }
            if (name.Equals("a", StringComparison.OrdinalIgnoreCase))
            {
                var href = Attribute(tag, "href");
                if (href is not null) links.Add(WebUtility.HtmlDecode(href).Trim());
            }
            if (BlockTags.Contains(name.ToString())) text.Append('\n');
            i = close + 1;
        }
        var decoded = WebUtility.HtmlDecode(text.ToString()).Replace('\u00A0', ' ');
        CollectBareUrls(decoded, links);
        return new HtmlText(decoded, links);
    }

    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> tag)
    {
        var s = tag.TrimStart().TrimStart('/');
        var n = 0;
        while (n < s.Length && char.IsLetterOrDigit(s[n])) n++;
        return s[..n];
    }

    private static string? Attribute(ReadOnlySpan<char> tag, string name)
    {
        var s = tag.ToString();
        var at = 0;
        while ((at = s.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = at == 0 ? ' ' : s[at - 1];
            var j = at + name.Length;
            while (j < s.Length && s[j] == ' ') j++;
            if (!char.IsWhiteSpace(before) || j >= s.Length || s[j] != '=') { at += name.Length; continue; }
            j++;
            while (j < s.Length && s[j] == ' ') j++;
            if (j >= s.Length) return "";
            if (s[j] is '"' or '\'')
            {
                var q = s[j];
                var end = s.IndexOf(q, j + 1);
                return end < 0 ? s[(j + 1)..] : s[(j + 1)..end];
            }
            var stop = j;
            while (stop < s.Length && !char.IsWhiteSpace(s[stop])) stop++;
            return s[j..stop];
        }
        return null;
    }

    private static void CollectBareUrls(string text, List<string> links)
    {
        foreach (var scheme in (ReadOnlySpan<string>)["http://", "https://", "www."])
        {
            var at = 0;
            while ((at = text.IndexOf(scheme, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                if (scheme == "www." && at >= 3 && text[at - 1] == '/') { at += 4; continue; }
                var end = at;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ')' and not '"' and not '<' and not '>') end++;
                var url = text[at..end].TrimEnd('.', ',', ';', '!', '?');
                if (scheme == "www.") url = "http://" + url;
                if (!links.Contains(url)) links.Add(url);
                at = end;
            }
        }
    }
}
