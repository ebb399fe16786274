using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FollowUp.Api.Demo;

/// <summary>
/// An HTML body as Graph answers it under <c>Prefer: outlook.body-content-type="text"</c>: a line per block and
/// <c>&lt;br&gt;</c>, whitespace folded, and every link written after its text as <c>text&lt;address&gt;</c>
/// (e.g. <c>Click here to join the meeting&lt;https://teams.microsoft.com/l/meetup-join/...&gt;</c>).
/// </summary>
public static partial class GraphTextBody
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
        { "p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr" };

    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var markup = Hidden().Replace(html, "");
        var lines = new List<string>();
        var line = new StringBuilder();
        var links = new Stack<string?>();
        foreach (var token in Tokens().Split(markup))
        {
            if (token.Length == 0) continue;
            if (token[0] != '<')
            {
                line.Append(Space().Replace(WebUtility.HtmlDecode(token), " ").Replace('\u00A0', ' '));
                continue;
            }
            var tag = TagName().Match(token);
            var name = tag.Success ? tag.Groups[1].Value : "";
            var closing = token.StartsWith("</", StringComparison.Ordinal);
            if (name.Equals("br", StringComparison.OrdinalIgnoreCase)) { lines.Add(line.ToString()); line.Clear(); }
            else if (BlockTags.Contains(name)) { if (!string.IsNullOrWhiteSpace(line.ToString())) { lines.Add(line.ToString()); line.Clear(); } }
            else if (name.Equals("a", StringComparison.OrdinalIgnoreCase) && !closing)
                links.Push(Href().Match(token) is { Success: true } href ? WebUtility.HtmlDecode(href.Groups[1].Value) : null);
            else if (name.Equals("a", StringComparison.OrdinalIgnoreCase) && links.Count > 0 && links.Pop() is { Length: > 0 } target)
                line.Append('<').Append(target).Append('>');
        }
        lines.Add(line.ToString());
        return string.Join("\r\n", lines.Select(l => l.Trim(' '))).Trim();
    }

    [GeneratedRegex(@"<head>.*?</head>|<style.*?</style>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"(<[^>]+>)")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^</?\s*([a-zA-Z0-9]+)")]
    private static partial Regex TagName();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
