using System.Globalization;
using System.Text.RegularExpressions;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;

namespace FollowUp.Domain.Interviewers;

/// <summary>Reads the hiring company and the role from an interview's subject, body and addresses.</summary>
internal sealed class PositionReader
{
    private const int MaxLength = 80;
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;
    private const string Name = @"\p{Lu}[\p{L}\p{N}'’&\.\-]*(?:[ \t]+(?:&[ \t]+)?\p{Lu}[\p{L}\p{N}'’&\.\-]*){0,3}";
    private static readonly Regex CapitalisedRun = new(@"(?<![\p{L}])\p{Lu}[\p{L}'’\-]*(?:[ \t]+\p{Lu}[\p{L}'’\-]*){0,3}", Options);
    private static readonly Regex[] CompanyPatterns =
    [
        new($@"(?i:company|firma|entreprise|empresa|bedrijf|azienda|employer)\s*:\s*(?<c>{Name})", Options),
        new($@"(?i:interview|entretien|entrevista|colloquio|gesprek|gespräch|call|chat|conversation|meeting)\s+(?i:with|mit|avec|con|com|met|bei|chez|at)\s+(?<c>{Name})", Options),
        new($@"^(?<c>{Name})\s*(?:<>|\||/| x | X |:|–|—| - )", Options),
        new($@"(?:<>|\|| x | X |/)\s*(?<c>{Name})\s*(?:$|[:\-–—|(])", Options),
        new($@"(?:team|role|position|opening|career|careers|interest)\s+at\s+(?<c>{Name})", Options),
        new($@"(?<![\p{{L}}])(?i:at|bei|chez|en|em|bij|presso)\s+(?<c>{Name})", Options),
    ];
    private static readonly Regex[] RolePatterns =
    [
        new(@"(?i:role|position|job title|job|stelle|poste|puesto|vaga|functie|posizione|vacancy|opening)\s*:\s*(?<r>[^\n;|]{3,80})", Options),
        new(@"(?i:stelle als|position als|poste de|au poste de|puesto de|el puesto de|vaga de|a vaga de|functie van|functie|posizione di|la posizione di|ruolo di)\s+(?<r>[^\n.;,|()]{3,80})", Options),
        new(@"(?i:for|about|as|the|our|interest in)\s+(?:(?i:the|a|an|our)\s+)?(?<r>\p{Lu}[\p{L}\p{N}/&+\-]*(?:\s+\p{Lu}[\p{L}\p{N}/&+\-()]*){0,5})\s+(?i:role|position|opening|vacancy|opportunity|search)", Options),
        new(@"(?i:requisition)\s+(?:R-?\d+\s+)?(?<r>\p{Lu}[\p{L}\p{N}/&+\-]*(?:\s+\p{Lu}[\p{L}\p{N}/&+\-]*){0,5})", Options),
    ];

    private readonly Mailboxes _mailboxes;
    private readonly WordMatcher _titleWord;
    private readonly HashSet<string> _notCompany;
    private readonly HashSet<string> _roleLead;
    private readonly HashSet<string> _roleTrail;
    private readonly HashSet<string> _roleCut;
    private readonly HashSet<string> _notRoles;

    public PositionReader(Mailboxes mailboxes)
    {
        _mailboxes = mailboxes;
        _titleWord = Mailboxes.WordRegex(mailboxes.Rules.TitleWords);
        _notCompany = new(mailboxes.Rules.NotCompanyWords.Select(w => FoldedText.Fold(w)), StringComparer.Ordinal);
        _roleLead = new(mailboxes.Rules.RoleLeadWords.Select(w => FoldedText.Fold(w)), StringComparer.Ordinal);
        _roleTrail = new(mailboxes.Rules.RoleTrailWords.Select(w => FoldedText.Fold(w)), StringComparer.Ordinal);
        _roleCut = new(mailboxes.Rules.RoleCutWords.Select(w => FoldedText.Fold(w)), StringComparer.Ordinal);
        _notRoles = new(mailboxes.Rules.NotRoles.Select(w => FoldedText.Fold(w)), StringComparer.Ordinal);
    }

    public (string? Company, string? Role) Read(string subject, string body, CalendarEvent e, MailboxOwner owner, IReadOnlyList<string> interviewerAddresses)
    {
        var label = interviewerAddresses.Append(e.Organizer.Address)
            .Select(a => _mailboxes.OrganisationLabel(Mailboxes.Domain(a ?? "")))
            .FirstOrDefault(l => l is not null && !_mailboxes.SameOrganisation(l, Mailboxes.Domain(owner.Address)));
        var people = e.Attendees.Select(a => a.Who.Name).Append(e.Organizer.Name).Append(owner.Name)
            .SelectMany(n => FoldedText.Fold(n).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        return (Company(subject, body, label, people), Role(subject, body));
    }

    private string? Company(string subject, string body, string? label, HashSet<string> personWords)
    {
        if (label is not null)
        {
            // Prefer the company's own spelling from the text ("Tailspin Toys" for tailspintoys.com).
            var flatLabel = Flat(label);
            string? prefix = null;
            foreach (var text in (string[])[subject, body])
            {
                foreach (Match m in CapitalisedRun.Matches(text))
                {
                    var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    for (var n = words.Length; n >= 1; n--)
                    {
                        var candidate = string.Join(' ', words[..n]);
                        var flat = Flat(candidate);
                        if (flat == flatLabel) return Limit(candidate);
                        if (prefix is null && flatLabel.StartsWith(flat, StringComparison.Ordinal) && (n > 1 ? flat.Length >= 4 : flat.Length >= 5)) prefix = candidate;
                    }
                }
            }
            return Limit(prefix ?? string.Join(' ', label.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(TitleCase)));
        }
        foreach (var text in (string[])[subject, body])
            foreach (var pattern in CompanyPatterns)
                foreach (Match m in pattern.Matches(text))
                {
                    var c = m.Groups["c"].Value.Trim().TrimEnd('.', ',', '-', ':');
                    var folded = FoldedText.Fold(c);
                    if (c.Length < 2 || _notCompany.Contains(folded) || folded.Split(' ').Any(personWords.Contains) || _titleWord.IsMatch(folded)) continue;
                    return Limit(c);
                }
        return null;
    }

    private string? Role(string subject, string body)
    {
        foreach (var text in (string[])[subject, body])
            foreach (var pattern in RolePatterns)
                foreach (Match m in pattern.Matches(text))
                {
                    var r = CleanRole(m.Groups["r"].Value);
                    if (r is not null && _titleWord.IsMatch(FoldedText.Fold(r))) return r;
                }
        // "Interview - Fabrikam - Product Analyst": a trailing segment that reads like a job title.
        foreach (var segment in subject.Split([" - ", " – ", " — ", " | ", "(", ")", ": "], StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            var r = CleanRole(segment);
            if (r is not null && _titleWord.IsMatch(FoldedText.Fold(r)) && r.Split(' ').Length <= 6
                && !FoldedText.Fold(r).Contains("interview", StringComparison.Ordinal)) return r;
        }
        return null;
    }

    private string? CleanRole(string raw)
    {
        var words = raw.Trim().Trim('.', ',', ';', ':', '-', '–', '"', '\'', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var cut = words.Count > 1 ? words.FindIndex(1, w => _roleCut.Contains(FoldedText.Fold(w))) : -1;
        if (cut > 0) words = words[..cut];
        // Lead words may be two words long ("processo seletivo"): try the pair first.
        while (words.Count > 1 && (_roleLead.Contains(FoldedText.Fold(words[0] + " " + words[1])) || _roleLead.Contains(FoldedText.Fold(words[0]))))
            words.RemoveRange(0, words.Count > 2 && _roleLead.Contains(FoldedText.Fold(words[0] + " " + words[1])) ? 2 : 1);
        while (words.Count > 1 && _roleTrail.Contains(FoldedText.Fold(words[^1]))) words.RemoveAt(words.Count - 1);
        var r = string.Join(' ', words).Trim().TrimEnd('.', ',', ':', ';');
        if (_notRoles.Contains(FoldedText.Fold(r))) return null;
        return r.Length is < 2 or > MaxLength ? null : r;
    }

    private static string Flat(string text) => new(FoldedText.Fold(text).Where(char.IsLetterOrDigit).ToArray());

    private static string? Limit(string text)
    {
        var t = DisplayName.Strip(text).Trim();
        if (t.Length == 0) return null;
        return t.Length > MaxLength ? t[..MaxLength].TrimEnd() : t;
    }

    private static string TitleCase(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
