using System.Text;
using FollowUp.Domain.Interviewers;
using FollowUp.Domain.Text;

namespace FollowUp.Domain.Etiquette;

/// <summary>A letter the user edited, with what it is reviewed against.</summary>
public sealed record EtiquetteInput(
    Interviewer Interviewer, string? Company, string? Role, string Subject, string HtmlBody, IReadOnlyList<string> OtherPanelLetters);

/// <summary>One thing to fix or consider before sending.</summary>
/// <param name="Severity">info, warning or error.</param>
/// <param name="Code">Stable code, e.g. greeting-name, ask, shop-link.</param>
/// <param name="Message">What is wrong, in the user's words.</param>
/// <param name="Fix">How to fix it, when there is a clear fix.</param>
public sealed record EtiquetteFinding(string Severity, string Code, string Message, string? Fix);

/// <summary>Reviews a thank-you letter for the mistakes that embarrass a job seeker: wrong names, asks, shop links, copies.</summary>
public sealed class EtiquetteChecker
{
    public static EtiquetteChecker Default { get; } = new(EtiquetteRules.Default, LinkJudge.Default);

    private const double DuplicateSimilarity = 0.6;

    private readonly EtiquetteRules _rules;
    private readonly LinkJudge _links;
    private readonly HashSet<string> _slotStop;
    private readonly HashSet<string> _teamWords;
    private readonly HashSet<string> _honorifics;

    private EtiquetteChecker(EtiquetteRules rules, LinkJudge links)
    {
        _rules = rules;
        _links = links;
        _slotStop = new HashSet<string>(rules.SlotStopWords, StringComparer.OrdinalIgnoreCase);
        _teamWords = new HashSet<string>(rules.TeamWords, StringComparer.OrdinalIgnoreCase);
        _honorifics = new HashSet<string>(rules.Honorifics, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<EtiquetteFinding> Check(EtiquetteInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var findings = new List<EtiquetteFinding>();
        var parsed = HtmlText.Parse(input.HtmlBody);
        var text = parsed.Text;
        var words = Words(text);
        var lower = Normalize(text);

        if (string.IsNullOrWhiteSpace(input.Subject))
            findings.Add(new("error", "no-subject", "The letter has no subject.", "Add a subject such as \"Thank you — " + (Clean(input.Role) ?? "interview") + "\"."));
        else if (input.Subject.Length > 255 || input.Subject.AsSpan().IndexOfAny('\r', '\n') >= 0)
            findings.Add(new("warning", "subject-format", "The subject is longer than 255 characters or spans several lines.", "Keep the subject to one short line."));

        CheckGreeting(input.Interviewer, text, findings);
        CheckCompany(Clean(input.Company), words, findings);
        CheckRole(Clean(input.Role), words, findings);

        if (words.Count < _rules.MinWords)
            findings.Add(new("warning", "too-short", $"The letter has {words.Count} words; a warm thank-you usually needs at least {_rules.MinWords}.", "Recall something specific from the conversation."));
        else if (words.Count > _rules.MaxWords)
            findings.Add(new("warning", "too-long", $"The letter has {words.Count} words; more than {_rules.MaxWords} reads like a second cover letter.", "Keep it to a thank-you, one memory and a warm close."));

        foreach (var ask in _rules.Asks)
            if (ContainsPhrase(lower, ask.Phrase))
                findings.Add(new(ask.Severity, "ask", $"The letter mentions \"{ask.Phrase}\"; a thank-you should not ask for anything.", "Remove it; salary and next steps belong in a conversation with the recruiter."));
        foreach (var phrase in _rules.Reargue)
            if (ContainsPhrase(lower, phrase))
                findings.Add(new("warning", "reargue", $"\"{phrase}\" re-argues an interview answer.", "Leave the answers as they were; thank them instead."));

        foreach (var phrase in _rules.GiftOffers)
            if (ContainsPhrase(lower, phrase))
                findings.Add(new("error", "gift-offer", $"\"{phrase}\" offers a purchased gift, which can read as a bribe.", "Share a free article, pattern or guide about their interest instead."));

        CheckLinks(parsed.Links, findings);
        CheckPanel(input, text, findings);
        return findings;
    }

    private void CheckGreeting(Interviewer who, string text, List<EtiquetteFinding> findings)
    {
        var line = FirstLine(text);
        var lowerLine = line.ToLowerInvariant();
        string? greeting = null;
        foreach (var g in _rules.GreetingWords)
            if (lowerLine.StartsWith(g, StringComparison.Ordinal) && (lowerLine.Length == g.Length || !char.IsLetter(lowerLine[g.Length])))
                if (greeting is null || g.Length > greeting.Length) greeting = g;
        if (greeting is null)
        {
            findings.Add(new("info", "no-greeting", "The letter does not open with a greeting.", $"Start with \"Dear {who.FirstName},\"."));
            return;
        }
        // The greeting may run on into the first sentence: "Hi Sarah, thanks for...".
        var addressee = line[greeting.Length..];
        var stop = addressee.AsSpan().IndexOfAny(",!:;\u2014");
        if (stop >= 0) addressee = addressee[..stop];
        addressee = addressee.Trim().TrimEnd('.').Trim();
        if (addressee.Length == 0 || _rules.GenericAddressees.Contains(addressee.ToLowerInvariant()))
        {
            findings.Add(new("info", "greeting-generic", "The greeting does not use the interviewer's name.", $"Greet them by name: \"Dear {who.FirstName},\"."));
            return;
        }
        var names = addressee.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = names[0].TrimEnd('.');
        if (_honorifics.Contains(first) && names.Length > 1) first = names[^1];
        var known = NameParts(who);
        if (known.Count == 0) return;
        var plain = Plain(first);
        foreach (var k in known)
            if (string.Equals(plain, Plain(k), StringComparison.Ordinal)) return;
        var firstName = known[0];
        var distance = EditDistance(plain, Plain(firstName));
        if (distance > 0 && distance <= TypoAllowance(firstName.Length))
            findings.Add(new("error", "name-typo", $"\"{first}\" looks like a misspelling of {firstName}.", $"Write \"{firstName}\"."));
        else
            findings.Add(new("error", "greeting-name", $"The letter greets \"{first}\", but it goes to {who.Name}.", $"Greet {firstName} instead."));
    }

    private static List<string> NameParts(Interviewer who)
    {
        var parts = new List<string>();
        var first = Clean(who.FirstName);
        if (first is not null) parts.Add(first);
        if (Clean(who.Name) is { } full && !full.Contains('@'))
            foreach (var p in full.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (p.Length > 1 && !parts.Contains(p, StringComparer.OrdinalIgnoreCase)) parts.Add(p.Trim(',', '.'));
        return parts;
    }

    private void CheckCompany(string? company, List<string> words, List<EtiquetteFinding> findings)
    {
        if (company is null) return;
        var companyWords = company.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var n = companyWords.Length;
        var mentioned = false;
        string? typo = null;
        for (var i = 0; i + n <= words.Count; i++)
        {
            var bare = Strip(string.Join(' ', words.GetRange(i, n)));
            if (string.Equals(bare, company, StringComparison.OrdinalIgnoreCase)) { mentioned = true; continue; }
            if (company.Length < 4 || bare.Length == 0 || !char.IsUpper(bare[0])) continue;
            var d = EditDistance(bare.ToLowerInvariant(), company.ToLowerInvariant());
            if (d > 0 && d <= TypoAllowance(company.Length)) typo ??= bare;
        }
        if (typo is not null)
            findings.Add(new("error", "company-typo", $"\"{typo}\" looks like a misspelling of {company}.", $"Write \"{company}\"."));
        if (mentioned || typo is not null) return;
        var other = OtherCompanyInSlots(words, company);
        if (other is not null)
            findings.Add(new("error", "wrong-company", $"The letter mentions {other}, but the interview was with {company}.", $"Replace {other} with {company}."));
    }

    /// <summary>"the X role" or "the X position" where X shares no word with the event's role.</summary>
    private void CheckRole(string? role, List<string> words, List<EtiquetteFinding> findings)
    {
        if (role is null) return;
        var roleWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in role.Split(' ', StringSplitOptions.RemoveEmptyEntries)) roleWords.Add(Strip(w));
        for (var i = 1; i < words.Count; i++)
        {
            var noun = Strip(words[i]).ToLowerInvariant();
            if (noun is not ("role" or "position") || words[i - 1].EndsWith(',') || words[i - 1].EndsWith('.')) continue;
            var named = new List<string>();
            for (var j = i - 1; j >= 0 && j >= i - 4; j--)
            {
                var w = Strip(words[j]);
                if (w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("this", StringComparison.OrdinalIgnoreCase) || w.Equals("a", StringComparison.OrdinalIgnoreCase)) break;
                if (w.Length == 0 || !char.IsUpper(w[0]) || words[j].EndsWith('.') || words[j].EndsWith(',')) { named.Clear(); break; }
                named.Add(w);
            }
            if (named.Count == 0 || named.Exists(roleWords.Contains)) continue;
            named.Reverse();
            var shown = string.Join(' ', named);
            findings.Add(new("warning", "wrong-role", $"The letter mentions the {shown} {noun}, but the interview was for {role}.", $"Write \"the {role} {noun}\"."));
            return;
        }
    }

    /// <summary>A capitalised name in an "at X" or "the X team" slot that is not the company.</summary>
    private string? OtherCompanyInSlots(List<string> words, string company)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var w = Strip(words[i]).ToLowerInvariant();
            if (w == "at")
            {
                var x = Strip(words[i + 1]);
                if (IsNameSlot(x) && !x.Equals(company, StringComparison.OrdinalIgnoreCase)) return x;
            }
            else if (w == "the" && i + 2 < words.Count && Strip(words[i + 2]).Equals("team", StringComparison.OrdinalIgnoreCase))
            {
                var x = Strip(words[i + 1]);
                if (IsNameSlot(x) && !_teamWords.Contains(x) && !x.Equals(company, StringComparison.OrdinalIgnoreCase)) return x;
            }
        }
        return null;
    }

    private bool IsNameSlot(string word) => word.Length > 1 && char.IsUpper(word[0]) && !_slotStop.Contains(word);

    private void CheckLinks(IReadOnlyList<string> links, List<EtiquetteFinding> findings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            if (!seen.Add(link)) continue;
            var code = _links.Judge(link);
            if (code is null) continue;
            var shown = link.Length > 80 ? link[..80] + "…" : link;
            findings.Add(code switch
            {
                "insecure-link" => new("error", code, $"The link {shown} is not https.", "Use the https address of the page, or remove the link."),
                "shop-link" => new("error", code, $"The link {shown} points to a shop or gift card.", "Share a free page about their interest, never a purchase."),
                _ => new("error", code, $"The link {shown} is shortened or carries tracking.", "Link the page's own clean address."),
            });
        }
    }

    private void CheckPanel(EtiquetteInput input, string text, List<EtiquetteFinding> findings)
    {
        if (input.OtherPanelLetters is not { Count: > 0 }) return;
        var mine = Shingles(BodyWithoutGreeting(text, NameParts(input.Interviewer)));
        if (mine.Count == 0) return;
        foreach (var other in input.OtherPanelLetters)
        {
            var theirs = Shingles(BodyWithoutGreeting(HtmlText.Parse(other).Text, []));
            if (theirs.Count == 0) continue;
            var shared = 0;
            foreach (var s in mine) if (theirs.Contains(s)) shared++;
            var similarity = (double)shared / Math.Min(mine.Count, theirs.Count);
            if (similarity >= DuplicateSimilarity)
            {
                findings.Add(new("error", "duplicate-across-panel",
                    $"This letter is {similarity:P0} the same as a letter to another member of the panel; they may compare notes.",
                    "Recall something you talked about with this person in particular."));
                return;
            }
        }
    }

    /// <summary>The letter's words without its greeting line and without the names in it, lower case.</summary>
    private string BodyWithoutGreeting(string text, List<string> names)
    {
        var line = FirstLine(text);
        var lowerLine = line.ToLowerInvariant();
        var body = text;
        foreach (var g in _rules.GreetingWords)
            if (lowerLine.StartsWith(g, StringComparison.Ordinal))
            {
                var at = text.IndexOf(line, StringComparison.Ordinal);
                body = text[(at + line.Length)..];
                break;
            }
        var sb = new StringBuilder(body.Length);
        foreach (var w in Words(body))
        {
            var bare = Strip(w);
            if (bare.Length == 0 || names.Contains(bare, StringComparer.OrdinalIgnoreCase)) continue;
            sb.Append(bare.ToLowerInvariant()).Append(' ');
        }
        return sb.ToString();
    }

    private static HashSet<string> Shingles(string words)
    {
        var w = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= w.Length; i++) set.Add(w[i] + " " + w[i + 1] + " " + w[i + 2]);
        return set;
    }

    private static string FirstLine(string text)
    {
        foreach (var line in text.Split('\n'))
            if (!string.IsNullOrWhiteSpace(line)) return line.Trim();
        return "";
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var w in text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
            if (Strip(w).Length > 0) words.Add(w);
        return words;
    }

    private static string Strip(string word)
    {
        var s = word.Trim('.', ',', ';', ':', '!', '?', '"', '(', ')', '[', ']', '\u201C', '\u201D', '\u2014', '-');
        if (s.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || s.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase)) s = s[..^2];
        return s.Trim('\'', '\u2019');
    }

    /// <summary>Lower case, one space between words, straight apostrophes, padded so phrases match on word edges.</summary>
    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append(' ');
        var space = true;
        foreach (var raw in text)
        {
            var c = raw is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c) || c == '\'') { sb.Append(c); space = false; }
            else if (!space) { sb.Append(' '); space = true; }
        }
        if (!space) sb.Append(' ');
        return sb.ToString();
    }

    private static bool ContainsPhrase(string normalized, string phrase) =>
        normalized.Contains(" " + phrase + " ", StringComparison.Ordinal);

    /// <summary>Lower case without accents, so "Zoë" and "Zoe" are the same name.</summary>
    private static string Plain(string name)
    {
        var decomposed = name.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString();
    }

    private static int TypoAllowance(int length) => length < 4 ? 0 : length < 7 ? 1 : 2;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static int EditDistance(string a, string b)
    {
        // Optimal string alignment: Levenshtein plus adjacent transpositions.
        if (Math.Abs(a.Length - b.Length) > 3) return int.MaxValue;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        var prevPrev = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                // A swapped pair of letters ("Sarha") is one slip, not two.
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = Math.Min(cur[j], prevPrev[j - 2] + 1);
            }
            (prevPrev, prev, cur) = (prev, cur, prevPrev);
        }
        return prev[b.Length];
    }
}
