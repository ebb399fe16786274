using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FollowUp.Domain.Text;

/// <summary>Turns an HTML body (event invite, edited letter) into the plain text people read.</summary>
public static partial class HtmlText
{
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var s = DropInvisible().Replace(html, " ");
        s = Breaks().Replace(s, "\n");
        s = Tags().Replace(s, "");
        s = WebUtility.HtmlDecode(s);
        var sb = new StringBuilder(s.Length);
        var blankRun = 1; // no blank lines at the start, at most one in a row
        foreach (var line in s.Split('\n'))
        {
            var trimmed = Spaces().Replace(line, " ").Trim();
            blankRun = trimmed.Length == 0 ? blankRun + 1 : 0;
            if (blankRun > 1) continue;
            sb.Append(trimmed).Append('\n');
        }
        return sb.ToString().Trim();
    }

    [GeneratedRegex(@"<(script|style|head|title)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DropInvisible();
    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/tr|/h[1-6]|p|div|li|tr|h[1-6])\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();
    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();
    [GeneratedRegex(@"[ \t\r\f\v\u00A0]+")]
    private static partial Regex Spaces();
}
