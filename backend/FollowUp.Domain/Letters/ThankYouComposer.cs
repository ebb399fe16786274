using System.Net;
using System.Text;
using FollowUp.Domain.Etiquette;
using FollowUp.Domain.Interviewers;

namespace FollowUp.Domain.Letters;

/// <summary>
/// Writes one thank-you letter per interviewer: a hearty thanks naming the day, role and company, a recalled personal
/// detail, the gift link, and a close that asks for nothing. Panel members get different sentences, not swapped names.
/// </summary>
public sealed class ThankYouComposer
{
    public static ThankYouComposer Default { get; } = new(LetterPhrasings.Default, LinkJudge.Default);

    internal const int MinWords = 100;
    internal const int MaxWords = 200;
    private const int MaxNameChars = 40;
    private const int MaxOrgChars = 60;
    private const int MaxTitleChars = 100;
    private const int MaxUrlChars = 600;

    private readonly LetterPhrasings _p;
    private readonly NotesRecall _recall;
    private readonly LinkJudge _links;

    private ThankYouComposer(LetterPhrasings phrasings, LinkJudge links)
    {
        _p = phrasings;
        _recall = new NotesRecall(phrasings.SecondPerson);
        _links = links;
    }

    public Letter Compose(LetterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var role = RoleName(input.Role);
        var company = Clean(input.Company, MaxOrgChars);
        var first = FirstName(input.Interviewer);
        var sender = Clean(input.SenderName, MaxOrgChars);
        var slot = Seed(input.EventId) + PanelIndex(input);

        var tokens = new Tokens
        {
            First = first ?? "",
            Day = "on " + Day(input),
            About = (role, company) switch
            {
                (not null, not null) => $"{RoleNoun(role)} at {company}",
                (not null, null) => RoleNoun(role),
                (null, not null) => $"the role at {company}",
                _ => "the role",
            },
            Team = company is null ? "your team" : $"the {company} team",
            Role = role is null ? "the role" : RoleNoun(role),
            Interest = InterestPhrase(input),
        };

        var recall = Recall.None;
        if (input.Interests.Count > 0 || tokens.Interest is null)
            recall = _recall.Find(input.Notes, input.Interests.Count > 0 ? input.Interests[0].Evidence : null, input.Interviewer);
        tokens.Detail = recall.Kind == RecallKind.Detail ? recall.Text : null;
        tokens.Talk = recall.Kind == RecallKind.Talk ? recall.Text : null;
        var gift = LinkFor(input, tokens);

        var opening = new List<Sentence>
        {
            Sentence.Of(Pick(_p.Openings, slot), tokens),
            Sentence.Of(Pick(_p.Conversation, slot), tokens, optional: true),
        };
        var recalled = new List<Sentence>();
        if (tokens.Detail is not null) recalled.Add(Sentence.Of(Pick(_p.RecallDetail, slot), tokens));
        else if (tokens.Talk is not null) recalled.Add(Sentence.Of(Pick(_p.RecallTalk, slot), tokens));
        else if (tokens.Interest is not null) recalled.Add(Sentence.Of(Pick(_p.RecallInterest, slot), tokens));
        else recalled.Add(Sentence.Of(Pick(_p.RecallGeneric, slot), tokens));
        if (gift is not null)
        {
            // After a sentence that already names the interest, the gift sentence need not name it again.
            var namedInterest = tokens.Detail is null && tokens.Talk is null;
            var templates = tokens.Interest is null || namedInterest ? _p.Gift : _p.GiftWithInterest;
            recalled.Add(Sentence.Of(Pick(templates, slot), tokens, link: gift));
        }
        var closing = new List<Sentence>
        {
            Sentence.Of(Pick(_p.Closes, slot), tokens),
            Sentence.Of(Pick(_p.Thanks, slot), tokens, optional: true),
        };

        var greeting = first is null ? _p.AnonymousGreeting : Expand(Pick(_p.Greetings, slot), tokens);
        var signoff = sender is null ? [_p.UnsignedSignoff] : new[] { Pick(_p.Signoffs, slot), sender };

        var words = CountWords(greeting) + CountWords(signoff) + CountWords(opening) + CountWords(recalled) + CountWords(closing);
        for (var f = 0; words < MinWords && f < _p.Fillers.Length; f++)
        {
            // Fillers step by five so that five panel members never share one.
            var filler = Sentence.Of(Pick(_p.Fillers, slot % 5 + 5 * f), tokens, optional: true);
            (f % 2 == 0 ? recalled : opening).Add(filler);
            words += filler.Words;
        }
        foreach (var part in (List<Sentence>[])[opening, closing, recalled])
            for (var i = part.Count - 1; i >= 0 && words > MaxWords; i--)
                if (part[i].Optional) { words -= part[i].Words; part.RemoveAt(i); }

        return new Letter(Subject(role, company), Html(greeting, [opening, recalled, closing], signoff), Text(greeting, [opening, recalled, closing], signoff));
    }

    private static string Subject(string? role, string? company)
    {
        if (role is not null) return $"Thank you — {StripSuffix(role, " role", " position")} interview";
        if (company is not null) return $"Thank you — {company} interview";
        return "Thank you for your time";
    }

    private static string Html(string greeting, List<Sentence>[] paragraphs, string[] signoff)
    {
        var sb = new StringBuilder(1024);
        sb.Append("<p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p>\n");
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Count == 0) continue;
            sb.Append("<p>");
            for (var i = 0; i < paragraph.Count; i++)
            {
                if (i > 0) sb.Append(' ');
                paragraph[i].AppendHtml(sb);
            }
            sb.Append("</p>\n");
        }
        sb.Append("<p>");
        for (var i = 0; i < signoff.Length; i++)
        {
            if (i > 0) sb.Append("<br>");
            sb.Append(WebUtility.HtmlEncode(signoff[i]));
        }
        return sb.Append("</p>").ToString();
    }

    private static string Text(string greeting, List<Sentence>[] paragraphs, string[] signoff)
    {
        var sb = new StringBuilder(1024).Append(greeting).Append("\n\n");
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Count == 0) continue;
            for (var i = 0; i < paragraph.Count; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(paragraph[i].Text);
            }
            sb.Append("\n\n");
        }
        return sb.AppendJoin('\n', signoff).ToString();
    }

    private GiftLink? LinkFor(LetterInput input, Tokens tokens)
    {
        var gift = input.Gift;
        if (gift is null || string.IsNullOrWhiteSpace(gift.Url) || gift.Url.Length > MaxUrlChars) return null;
        if (!Uri.TryCreate(gift.Url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps) return null;
        var url = uri.AbsoluteUri;
        if (_links.Judge(url) is not null) return null;
        var title = Clean(gift.Title, MaxTitleChars) ?? uri.Host;
        tokens.Kind = KindWord(gift.Kind);
        return new GiftLink(title, url);
    }

    private static string KindWord(string? kind)
    {
        var k = Clean(kind, 20)?.ToLowerInvariant();
        if (k is null) return "page";
        foreach (var c in k)
            if (!char.IsLetter(c) && c != ' ') return "page";
        return k;
    }

    private static string? InterestPhrase(LetterInput input)
    {
        var phrase = Clean(input.MainInterestPhrase, MaxOrgChars);
        if (phrase is not null) return phrase;
        var topic = input.Interests.Count > 0 ? Clean(input.Interests[0].Topic, MaxOrgChars) : null;
        return topic is null ? null : "your interest in " + topic;
    }

    private static string Day(LetterInput input)
    {
        var zone = input.TimeZone ?? TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(input.InterviewStart, zone).DayOfWeek switch
        {
            DayOfWeek.Monday => "Monday",
            DayOfWeek.Tuesday => "Tuesday",
            DayOfWeek.Wednesday => "Wednesday",
            DayOfWeek.Thursday => "Thursday",
            DayOfWeek.Friday => "Friday",
            DayOfWeek.Saturday => "Saturday",
            _ => "Sunday",
        };
    }

    private static string? FirstName(Interviewer who)
    {
        var first = Clean(who.FirstName, MaxNameChars);
        if (first is null && Clean(who.Name, MaxNameChars) is { } name && !name.Contains('@')) first = name.Split(' ')[0];
        return first is null || first.Contains('@') ? null : first;
    }

    private static string? RoleName(string? role)
    {
        var r = Clean(role, MaxOrgChars);
        if (r is null || r.Equals("null", StringComparison.OrdinalIgnoreCase) || r.Equals("n/a", StringComparison.OrdinalIgnoreCase)) return null;
        r = StripSuffix(r, " interview");
        return r.Length == 0 ? null : r;
    }

    private static string RoleNoun(string role)
    {
        foreach (var noun in (ReadOnlySpan<string>)[" role", " position", " job", " opening", " opportunity"])
            if (role.EndsWith(noun, StringComparison.OrdinalIgnoreCase)) return "the " + role;
        return $"the {role} role";
    }

    private static string StripSuffix(string s, params ReadOnlySpan<string> suffixes)
    {
        foreach (var suffix in suffixes)
            if (s.Length > suffix.Length && s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return s[..^suffix.Length].TrimEnd();
        return s;
    }

    private static int PanelIndex(LetterInput input)
    {
        for (var i = 0; i < input.Panel.Count; i++)
        {
            var member = input.Panel[i];
            if (ReferenceEquals(member, input.Interviewer) || member == input.Interviewer) return i;
        }
        for (var i = 0; i < input.Panel.Count; i++)
            if (!string.IsNullOrEmpty(input.Interviewer.Email) &&
                string.Equals(input.Panel[i].Email, input.Interviewer.Email, StringComparison.OrdinalIgnoreCase)) return i;
        return Seed(input.Interviewer.Email?.ToLowerInvariant());
    }

    /// <summary>FNV-1a of the event id: stable across processes, unlike string.GetHashCode.</summary>
    private static int Seed(string? eventId)
    {
        var hash = 2166136261u;
        foreach (var c in eventId ?? "")
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (int)(hash % 1000u);
    }

    private static string Pick(string[] variants, int slot) => variants[slot % variants.Length];

    /// <summary>One line of calendar or user text: no control characters, single spaces, cut at a word near max.</summary>
    internal static string? Clean(string? s, int max)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var sb = new StringBuilder(Math.Min(s.Length, max + 1));
        var space = false;
        foreach (var c in s)
        {
            if (sb.Length > max) break;
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        if (sb.Length > max)
        {
            var cut = sb.ToString(0, max + 1).LastIndexOf(' ');
            sb.Length = cut > max / 2 ? cut : max;
            if (sb.Length > 0 && char.IsHighSurrogate(sb[^1])) sb.Length--;
        }
        var result = sb.ToString().Trim().TrimEnd(',', ';', ':', '-');
        return result.Length == 0 ? null : result;
    }

    internal static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; count++; }
        }
        return count;
    }

    private static int CountWords(string[] lines)
    {
        var n = 0;
        foreach (var l in lines) n += CountWords(l);
        return n;
    }

    private static int CountWords(List<Sentence> sentences)
    {
        var n = 0;
        foreach (var s in sentences) n += s.Words;
        return n;
    }

    private static string Expand(string template, Tokens tokens)
    {
        var sb = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0) { sb.Append(template, i, template.Length - i); break; }
            var close = template.IndexOf('}', open);
            if (close < 0) { sb.Append(template, i, template.Length - i); break; }
            sb.Append(template, i, open - i);
            var value = tokens.Value(template.AsSpan(open + 1, close - open - 1));
            sb.Append(value);
            i = close + 1;
            if (value.EndsWith('.') && i < template.Length && template[i] == '.') i++;
        }
        return sb.ToString();
    }

    private sealed class Tokens
    {
        public string First { get; init; } = "";
        public string Day { get; init; } = "";
        public string About { get; init; } = "";
        public string Team { get; init; } = "";
        public string Role { get; init; } = "";
        public string? Interest { get; init; }
        public string? Detail { get; set; }
        public string? Talk { get; set; }
        public string Kind { get; set; } = "page";

        public string Value(ReadOnlySpan<char> name) => name switch
        {
            "first" => First,
            "day" => Day,
            "about" => About,
            "team" => Team,
            "role" => Role,
            "interest" => Interest ?? "our conversation",
            "detail" => Detail ?? "",
            "talk" => Talk ?? "",
            "kind" => Kind,
            "a_kind" => (Kind.Length > 0 && "aeiou".Contains(Kind[0]) ? "an " : "a ") + Kind,
            _ => "",
        };
    }

    private sealed record GiftLink(string Title, string Url);

    /// <summary>One sentence in plain text, with the gift link spliced in when it carries one.</summary>
    private sealed record Sentence(string Before, GiftLink? Link, string After, bool Optional)
    {
        public string Text { get; } = Link is null ? Before + After : $"{Before}{Link.Title} ({Link.Url}){After}";
        public int Words => CountWords(Text);

        public static Sentence Of(string template, Tokens tokens, bool optional = false, GiftLink? link = null)
        {
            var at = link is null ? -1 : template.IndexOf("{link}", StringComparison.Ordinal);
            if (at < 0) return new Sentence(Expand(template, tokens), null, "", optional);
            return new Sentence(Expand(template[..at], tokens), link, Expand(template[(at + 6)..], tokens), optional);
        }

        public void AppendHtml(StringBuilder sb)
        {
            sb.Append(WebUtility.HtmlEncode(Before));
            if (Link is not null)
                sb.Append("<a href=\"").Append(WebUtility.HtmlEncode(Link.Url)).Append("\">")
                  .Append(WebUtility.HtmlEncode(Link.Title)).Append("</a>");
            sb.Append(WebUtility.HtmlEncode(After));
        }
    }
}
