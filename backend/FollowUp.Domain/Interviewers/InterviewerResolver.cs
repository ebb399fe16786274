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
    private readonly PositionReader _position;

    internal InterviewerResolver(Mailboxes mailboxes)
    {
        _mailboxes = mailboxes;
        var rules = mailboxes.Rules;
        _leadIns = rules.CoordinatorLeadIns.Select(p => FoldedText.Fold(p)).Where(p => p.Length > 0).ToArray();
        _selfCoordinator = rules.SelfCoordinatorPhrases.Select(p => FoldedText.Fold(p)).Where(p => p.Length > 0).ToArray();
        _pastLeadIns = rules.PastMeetingLeadIns.Select(p => FoldedText.Fold(p)).Where(p => p.Length > 0).ToArray();
        _schedulerWord = new WordMatcher(rules.OrganizerSchedulerWords);
        _honorifics = new(rules.Honorifics.Select(h => FoldedText.Fold(h)), StringComparer.Ordinal);
        _position = new PositionReader(mailboxes);
    }

    private sealed record Person(EmailAddress Who, bool IsOrganizer)
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
            if (!Mailboxes.HasAddress(who) || owner.Is(who.Address)) return;
            if (_mailboxes.IsRoom(who, type) || _mailboxes.IsService(who) || _mailboxes.IsDistribution(who)) return;
            if (!seen.Add(who.Address.Trim())) return;
            var person = new Person(who, isOrganizer);
            if (isOrganizer) organizer = person;
            people.Add(person);
        }

        var interviewers = people.Where(p => !IsCoordinator(p, foldedBody, people.Count)).ToList();

        // An organizer nobody names, while others are named, most likely only sent the invite.
        if (organizer is not null && interviewers.Contains(organizer) && interviewers.Count > 1)
        {
            var named = interviewers.Where(p => IsNamed(p, interviewers, foldedSubject, foldedBody)).ToList();
            if (named.Count > 0 && !named.Contains(organizer)) interviewers.Remove(organizer);
        }
        if (interviewers.Count == 0 && organizer is not null) interviewers.Add(organizer);

        var result = interviewers.Select(p => ToInterviewer(p, body)).ToList();
        var (company, role) = _position.Read(subject, body, e, owner, interviewers.Select(p => p.Address).ToList());
        return new InterviewParties(result, company, role);
    }

    private Interviewer ToInterviewer(Person p, string body)
    {
        var name = DisplayName.Usable(p.Who.Name)
            ?? DisplayName.FromBody(body, p.Address)
            ?? DisplayName.FromAddress(p.Address);
        return new Interviewer(name, DisplayName.FirstName(name, _honorifics), p.Address);
    }

    private bool IsCoordinator(Person p, string foldedBody, int peopleCount)
    {
        if (_mailboxes.NamesCoordinator(FoldedText.Fold(p.Who.Name))) return true;
        if (peopleCount < 2) return false;
        if (p.IsOrganizer && _selfCoordinator.Any(s => foldedBody.Contains(s, StringComparison.Ordinal))) return true;
        foreach (var token in NameTokens(p))
        {
            var start = 0;
            while ((start = foldedBody.IndexOf(token, start, StringComparison.Ordinal)) >= 0)
            {
                var end = start + token.Length;
                if ((start == 0 || !char.IsLetter(foldedBody[start - 1])) && (end == foldedBody.Length || !char.IsLetter(foldedBody[end])))
                {
                    // "Kelly, Recruiting Coordinator" / "Amy Stone, Executive Assistant": a role right after the name.
                    var after = Window(foldedBody, end, 32);
                    if (after.Length > 0 && _mailboxes.CoordinatorWord.Find(after, 0) is { Index: >= 0 } m && after[..m.Index].IndexOfAny(['.', ':', ';']) < 0) return true;
                    // "Best, Carlos (Talent)": an organizer from the recruiting team who brings in others is scheduling.
                    if (p.IsOrganizer && after.Length > 0 && _schedulerWord.Find(after, 0) is { Index: >= 0 } s && s.Index <= 3) return true;
                    var before = foldedBody[Math.Max(0, start - 22)..start];
                    if (_leadIns.Any(l => before.TrimEnd().EndsWith(l, StringComparison.Ordinal))) return true;
                }
                start = end;
            }
        }
        return false;
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
            if (PhraseSet.IsWholeWord(foldedBody, start, token.Length))
            {
                var before = foldedBody[Math.Max(0, start - 28)..start].TrimEnd();
                if (!_pastLeadIns.Any(l => before.EndsWith(l, StringComparison.Ordinal))) return true;
            }
            start += token.Length;
        }
        return false;
    }
}
