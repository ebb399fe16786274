using System.Text.RegularExpressions;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;

namespace FollowUp.Domain.Interviewers;

/// <summary>
/// Works out whom to thank for an interview: the people who met the owner, without rooms, robots, group mailboxes
/// and the coordinators who only scheduled it; plus the company and role when the event states them.
/// </summary>
public sealed class InterviewerResolver
{
    private static readonly Lazy<InterviewerResolver> Shared = new(() => new InterviewerResolver(Mailboxes.Default));
    public static InterviewerResolver Default => Shared.Value;

    private readonly Mailboxes _mailboxes;
    private readonly string[] _leadIns;
    private readonly string[] _selfCoordinator;
    private readonly string[] _pastLeadIns;
    private readonly WordMatcher _schedulerWord;
    private readonly HashSet<string> _honorifics;
    private readonly string[] _signOffs;
    private readonly string[] _firstPerson;
    private readonly string[] _meetingLeadIns;
    private readonly WordMatcher _titleWord;
    private readonly PositionReader _position;
    private readonly string[] _arrangers;
    private readonly string[] _agencyLeadIns;

    internal InterviewerResolver(Mailboxes mailboxes)
    {
        _mailboxes = mailboxes;
        var rules = mailboxes.Rules;
        _leadIns = rules.CoordinatorLeadIns.Select(p => FoldedText.Fold(p)).Where(p => p.Length > 0).ToArray();
        _selfCoordinator = rules.SelfCoordinatorPhrases.Select(p => FoldedText.Fold(p)).Where(p => p.Length > 0).ToArray();
        _pastLeadIns = rules.PastMeetingLeadIns.Select(p => FoldedText.Fold(p)).Where(p => p.Length > 0).ToArray();
        _schedulerWord = new WordMatcher(rules.OrganizerSchedulerWords);
        _honorifics = new(rules.Honorifics.Select(h => FoldedText.Fold(h)), StringComparer.Ordinal);
        _signOffs = rules.SignOffs.Select(p => FoldedText.Fold(p)).Where(p => p.Length > 0).ToArray();
        _meetingLeadIns = rules.MeetingLeadIns.Select(p => FoldedText.Fold(p)).Where(p => p.Length > 0).ToArray();
        _firstPerson = rules.FirstPersonTakingPart.Select(p => FoldedText.Fold(p)).Where(p => p.Length > 0).ToArray();
        _titleWord = new WordMatcher(rules.TitleWords);
        _arrangers = rules.ArrangerPhrases.Select(p => " " + FoldedText.Fold(p)).Where(p => p.Length > 1).ToArray();
        _agencyLeadIns = rules.AgencyLeadIns.Select(p => FoldedText.Fold(p)).Where(p => p.Length > 0).ToArray();
        _position = new PositionReader(mailboxes);
    }

    private sealed record Person(EmailAddress Who, bool IsOrganizer, bool IsOptional = false)
    {
        public string Address => Who.Address.Trim();
    }

    public InterviewParties Resolve(CalendarEvent e, MailboxOwner owner)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(owner);
        var body = DisplayName.StripInvisible(e.BodyText.Length > 4000 ? e.BodyText[..4000] : e.BodyText);
        var subject = SubjectLine.StripPrefixesKeepCase(DisplayName.Strip(e.Subject), InterviewDetector.Default.FoldedPrefixes);
        var foldedBody = FoldedText.Fold(body);
        var foldedSubject = FoldedText.Fold(subject);

        var people = new List<Person>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Person? organizer = null;
        Add(e.Organizer, AttendeeType.Required, isOrganizer: true);
        foreach (var a in e.Attendees) Add(a.Who, a.Type, isOrganizer: false);

        void Add(EmailAddress who, AttendeeType type, bool isOrganizer)
        {
            if (!Mailboxes.HasAddress(who) || owner.Is(who.Address) || _mailboxes.IsOwnerUnderAnotherAddress(who, owner)) return;
            if (_mailboxes.IsRoom(who, type) || _mailboxes.IsService(who) || _mailboxes.IsDistribution(who) || _mailboxes.IsCompanyMailbox(who)) return;
            if (!seen.Add(who.Address.Trim())) return;
            var person = new Person(who, isOrganizer, type == AttendeeType.Optional);
            if (isOrganizer) organizer = person;
            people.Add(person);
        }

        var takesPart = _firstPerson.Any(f => ContainsPhrase(foldedBody, f));
        var interviewers = people.Where(p => !IsCoordinator(p, foldedBody, people.Count, takesPart)).ToList();

        if (interviewers.Count > 1)
        {
            var named = interviewers.Where(p => IsNamed(p, interviewers, foldedSubject, foldedBody)).ToList();
            if (named.Count > 0)
            {
                // The body says who meets you: an organizer or optional guest it does not name only scheduled or watches.
                interviewers.RemoveAll(p => !named.Contains(p) && (p.IsOptional || (p.IsOrganizer && !takesPart)));
            }
            else if (organizer is not null && interviewers.Contains(organizer) && !takesPart
                     && !e.Attendees.Any(a => a.Type == AttendeeType.Required && string.Equals(a.Who.Address.Trim(), organizer.Address, StringComparison.OrdinalIgnoreCase))
                     && interviewers.Any(p => !p.IsOrganizer && !p.IsOptional && _mailboxes.SameOrganisation(Mailboxes.Domain(p.Address), Mailboxes.Domain(organizer.Address))))
            {
                // Nobody is named, and the organizer invites colleagues to meet you: the organizer sent the invite.
                interviewers.Remove(organizer);
            }
        }
        if (organizer is not null && interviewers.Count > 1 && interviewers.Contains(organizer) && IsAgencyInSubject(organizer, interviewers, foldedSubject))
        {
            // "Client interview @ Monzo (via Hays)": the agency recruiter who sent it arranged the interview, the client's people hold it.
            interviewers.Remove(organizer);
        }
        if (interviewers.Count == 0 && organizer is not null) interviewers.Add(organizer);

        var result = interviewers.Select(p => ToInterviewer(p, body)).ToList();
        var (company, role) = _position.Read(subject, body, e, owner, interviewers.Select(p => p.Address).ToList());
        return new InterviewParties(result, company, role);
    }

    private bool IsSchedulerInBrackets(string raw)
    {
        if (!raw.StartsWith(" (", StringComparison.Ordinal)) return false;
        var close = raw.IndexOf(')');
        if (close < 3) return false;
        var inner = raw[2..close].Trim();
        return _schedulerWord.Find(inner, 0) is { Index: 0 } m && m.Length == inner.Length;
    }

    private bool IsAgencyInSubject(Person organizer, List<Person> interviewers, string foldedSubject)
    {
        var label = _mailboxes.OrganisationLabel(Mailboxes.Domain(organizer.Address));
        if (label is null || label.Length < 3) return false;
        if (interviewers.Any(p => p != organizer && _mailboxes.OrganisationLabel(Mailboxes.Domain(p.Address)) == label)) return false;
        if (!interviewers.Any(p => p != organizer && _mailboxes.OrganisationLabel(Mailboxes.Domain(p.Address)) is not null)) return false;
        return _agencyLeadIns.Any(l => ContainsPhrase(foldedSubject, l + " " + label));
    }

    private Interviewer ToInterviewer(Person p, string body)
    {
        var name = DisplayName.Usable(p.Who.Name)
            ?? DisplayName.FromBody(body, p.Address)
            ?? DisplayName.FromAddress(p.Address);
        return new Interviewer(name, DisplayName.FirstName(name, _honorifics), p.Address);
    }

    private static bool ContainsPhrase(string folded, string phrase)
    {
        var start = 0;
        while ((start = folded.IndexOf(phrase, start, StringComparison.Ordinal)) >= 0)
        {
            if (PhraseSet.IsWholeWord(folded, start, phrase.Length)) return true;
            start++;
        }
        return false;
    }

    private bool IsCoordinator(Person p, string foldedBody, int peopleCount, bool takesPart)
    {
        if (_mailboxes.NamesCoordinator(FoldedText.Fold(p.Who.Name))) return true;
        if (peopleCount < 2) return false;
        if (p.IsOrganizer && _selfCoordinator.Any(s => foldedBody.Contains(s, StringComparison.Ordinal))) return true;
        // "ein Kennenlernen mit mir und Uwe Krämer": a sender who says they take part is met, whatever their signature says.
        if (p.IsOrganizer && takesPart) return false;
        foreach (var token in NameTokens(p))
        {
            var start = 0;
            while ((start = foldedBody.IndexOf(token, start, StringComparison.Ordinal)) >= 0)
            {
                var end = start + token.Length;
                if ((start == 0 || !char.IsLetter(foldedBody[start - 1])) && (end == foldedBody.Length || !char.IsLetter(foldedBody[end])))
                {
                    // "un entretien avec Mme Perrin, proviseure, et M. Girard, coordinateur sciences": the people you meet, whatever their role.
                    if (IsAfterMeetingLeadIn(foldedBody, start)) return false;
                    var signature = IsSignature(foldedBody, start);
                    // "Kelly, Recruiting Coordinator" / "Amy Stone, Executive Assistant": a role right after the name (next line in a signature).
                    var after = RoleRightAfter(signature ? WindowAcrossLine(foldedBody, end, 48) : Window(foldedBody, end, 32));
                    if (after.Length > 0 && CoordinatorRole(after) is { } m && after[..m].IndexOfAny(['.', ':', ';']) < 0) return true;
                    // "Best, Carlos (Talent)": someone from the recruiting team signing an invite that brings in others is scheduling.
                    if (signature && after.Length > 0 && _schedulerWord.Find(after, 0) is { Index: >= 0 } s && s.Index <= 4) return true;
                    // "Tasha from recruiting".
                    if (after.StartsWith(" from ", StringComparison.Ordinal) && _schedulerWord.Find(after, 0) is { Index: >= 6 and <= 10 }) return true;
                    // The sender named as "Mathilde (RH)" in an invite to meet others; an HR attendee "(HR)" may well interview.
                    if (p.IsOrganizer && IsSchedulerInBrackets(Window(foldedBody, end, 32))) return true;
                    // "Priyanka has arranged your interview with Gemma".
                    if (_arrangers.Any(a => after.StartsWith(a + " ", StringComparison.Ordinal))) return true;
                    var before = foldedBody[Math.Max(0, start - 30)..start];
                    if (_leadIns.Any(l => before.TrimEnd().EndsWith(l, StringComparison.Ordinal))) return true;
                    // "Scheduled by HR Coordinator Amy Tran".
                    var lineStart = foldedBody.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
                    var sameLine = foldedBody[Math.Max(lineStart, start - 24)..start];
                    if (CoordinatorRole(sameLine) is { } b && sameLine[b..].IndexOfAny(['.', ':', ';', ',', '(', ')']) < 0 && !sameLine[b..].Contains(" and ", StringComparison.Ordinal)) return true;
                }
                start = end;
            }
        }
        return false;
    }

    /// <summary>The role that follows a name, up to the next comma or bracket: "(Editor), Tom Pearce (Assistant" is only "editor".</summary>
    private static string RoleRightAfter(string after)
    {
        var lead = 0;
        while (lead < after.Length && after[lead] is ' ' or ',' or '(' or '-' or '–') lead++;
        var rest = after[lead..];
        var cut = rest.IndexOfAny([',', ')', '(', ';']);
        return " " + (cut >= 0 ? rest[..cut] : rest);
    }

    private bool IsAfterMeetingLeadIn(string foldedBody, int nameStart)
    {
        var lineStart = foldedBody.LastIndexOf('\n', Math.Max(0, nameStart - 1)) + 1;
        var from = Math.Max(lineStart, nameStart - 160);
        var window = foldedBody[from..nameStart];
        var best = -1;
        foreach (var lead in _meetingLeadIns)
        {
            var at = window.LastIndexOf(lead, StringComparison.Ordinal);
            if (at >= 0 && PhraseSet.IsWholeWord(window, at, lead.Length)) best = Math.Max(best, at + lead.Length);
        }
        if (best < 0) return false;
        var between = window[best..];
        if (_leadIns.Any(l => between.Contains(l, StringComparison.Ordinal))) return false;
        // A full stop ends the list of people, unless it closes an honorific ("M. Antoine Girard").
        for (var dot = between.IndexOf('.'); dot >= 0; dot = between.IndexOf('.', dot + 1))
        {
            var wordStart = dot;
            while (wordStart > 0 && char.IsLetter(between[wordStart - 1])) wordStart--;
            var word = between[wordStart..dot];
            if (!_honorifics.Contains(word) && !_honorifics.Contains(word + ".")) return false;
        }
        return true;
    }

    /// <summary>Where a coordinator word starts in <paramref name="text"/>, unless it begins a job title ("Assistant Nurse Manager").</summary>
    private int? CoordinatorRole(string text)
    {
        var from = 0;
        while (_mailboxes.CoordinatorWord.Find(text, from) is { Index: >= 0 } m)
        {
            var rest = text[(m.Index + m.Length)..];
            var next = rest.TrimStart();
            var nextWord = next.Split([' ', ',', ')', '(', '\n', '/'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (rest.Length > 0 && rest[0] == ' ' && nextWord is not null && _titleWord.IsMatch(nextWord) && !_mailboxes.NamesCoordinator(nextWord)) { from = m.Index + m.Length; continue; }
            return m.Index;
        }
        return null;
    }

    /// <summary>True when the name at <paramref name="index"/> signs the letter: after a sign-off line, or alone on a short line.</summary>
    private bool IsSignature(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var lead = text[lineStart..index].Trim();
        // "Sarah Cohen": the surname signs as much as the first name before it.
        var words = lead.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is > 0 and <= 2 && words.All(w => w.All(c => char.IsLetter(c) || c is '-' or '\'')) && index - lineStart <= 25
            && IsSignature(text, lineStart + text[lineStart..index].IndexOf(words[0], StringComparison.Ordinal))) return true;
        var sentence = lead.LastIndexOfAny(['.', '!', '?']);
        if (sentence >= 0) lead = lead[(sentence + 1)..].Trim();
        if (lead.Length > 0 && lead.Trim('-', '–', '—', ' ').Length > 0)
        {
            // "Best, Carlos (Talent)" / "- Alicia, Talent Acquisition" on one line.
            var comma = lead.TrimEnd(',', ' ');
            if (!_signOffs.Any(s => comma == s) && !lead.EndsWith("- ", StringComparison.Ordinal) && lead != "-") return false;
            return true;
        }
        var lineEnd = text.IndexOf('\n', index);
        var line = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)].Trim();
        var prevEnd = lineStart - 1;
        while (prevEnd > 0 && text[prevEnd - 1] == '\n') prevEnd--;
        var prevStart = prevEnd > 0 ? text.LastIndexOf('\n', prevEnd - 1) + 1 : 0;
        var previous = prevEnd > 0 ? text[prevStart..prevEnd].Trim().TrimEnd(',', '!', '.', ' ') : "";
        if (previous.Length > 0 && _signOffs.Any(s => previous == s)) return true;
        return line.Length <= 25 && !previous.EndsWith(':');
    }

    private static string WindowAcrossLine(string text, int from, int length)
    {
        var to = Math.Min(text.Length, from + length);
        var slice = text[from..to];
        var first = slice.IndexOf('\n');
        if (first < 0) return slice;
        var second = slice.IndexOf('\n', first + 1);
        return (second >= 0 ? slice[..second] : slice).Replace('\n', ' ');
    }

    private static string Window(string text, int from, int length)
    {
        var to = Math.Min(text.Length, from + length);
        var slice = text[from..to];
        var newline = slice.IndexOf('\n');
        return newline >= 0 ? slice[..newline] : slice;
    }

    private IEnumerable<string> NameTokens(Person p)
    {
        var name = DisplayName.Usable(p.Who.Name) ?? DisplayName.FromAddress(p.Address);
        return FoldedText.Fold(name).Split([' ', ',', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.Length >= 3 && !_honorifics.Contains(t)).Distinct();
    }

    // A surname shared with another person (Harry and Norman Osborn) does not tell them apart.
    private bool IsNamed(Person p, IReadOnlyList<Person> all, string foldedSubject, string foldedBody)
    {
        var shared = all.Where(o => o != p).SelectMany(NameTokens).ToHashSet(StringComparer.Ordinal);
        return NameTokens(p).Where(t => !shared.Contains(t))
            .Any(t => InterviewDetector.ContainsWord(foldedSubject, t) || MentionedAsToday(foldedBody, t));
    }

    private bool MentionedAsToday(string foldedBody, string token)
    {
        var start = 0;
        while ((start = foldedBody.IndexOf(token, start, StringComparison.Ordinal)) >= 0)
        {
            var end = start + token.Length;
            var inAddress = (start > 0 && foldedBody[start - 1] is '.' or '@' && start > 1 && char.IsLetterOrDigit(foldedBody[start - 2]))
                            || (end < foldedBody.Length - 1 && foldedBody[end] is '.' or '@' && char.IsLetterOrDigit(foldedBody[end + 1]));
            if (PhraseSet.IsWholeWord(foldedBody, start, token.Length) && !inAddress && !IsSignature(foldedBody, start))
            {
                var before = foldedBody[Math.Max(0, start - 28)..start].TrimEnd();
                if (!_pastLeadIns.Any(l => before.EndsWith(l, StringComparison.Ordinal))) return true;
            }
            start += token.Length;
        }
        return false;
    }
}
