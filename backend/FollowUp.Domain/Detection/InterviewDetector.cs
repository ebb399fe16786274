using System.Text.RegularExpressions;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Interviewers;

namespace FollowUp.Domain.Detection;

/// <summary>
/// Decides whether a calendar event is a job interview in which the mailbox owner is the candidate.
/// Weighted signals from subject, body, participants and the owner's role add up to a score; curated in detection-rules.json.
/// </summary>
public sealed class InterviewDetector
{
    private const int BodyLimit = 4000;
    private static readonly Lazy<InterviewDetector> Shared = new(() => new InterviewDetector(DetectionRules.Load(), Mailboxes.Default));
    private static readonly Regex Greeting = new(@"^\W*(?<greeting>[\p{L}' ]{2,20}?)[ ,]+(?<name>\p{L}+)", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    private static readonly HashSet<string> NotANameAfterGreeting =
        ["team", "all", "there", "everyone", "candidate", "candidato", "candidata", "folks", "both", "sir", "madam", "mr", "mrs", "ms", "herr", "frau", "monsieur", "madame", "senor", "senora", "sr", "sra", "again", "y'all", "friends"];

    public static InterviewDetector Default => Shared.Value;

    private readonly DetectionRules _rules;
    private readonly Mailboxes _mailboxes;
    private readonly PhraseSet _subjectPhrases;
    private readonly PhraseSet _bodyPhrases;
    private readonly string[] _prefixes;
    private readonly HashSet<string> _greetings;
    private readonly HashSet<string> _toolDomains;
    private readonly string[] _dottedToolDomains;
    private readonly Dictionary<string, int> _kindRank;
    private readonly WordMatcher _recruitingSender;

    internal InterviewDetector(DetectionRules rules, Mailboxes mailboxes)
    {
        _rules = rules;
        _mailboxes = mailboxes;
        _subjectPhrases = new PhraseSet(rules.Subject.SelectMany((s, i) => s.Phrases.Select(p => (p, i))));
        _bodyPhrases = new PhraseSet(rules.Body.SelectMany((s, i) => s.Phrases.Select(p => (p, i))));
        _prefixes = rules.SubjectPrefixes.Select(p => FoldedText.Fold(p)).Where(p => p.Length > 0).OrderByDescending(p => p.Length).ToArray();
        _greetings = new(rules.Greetings.Select(g => FoldedText.Fold(g)), StringComparer.Ordinal);
        _toolDomains = new(rules.SchedulingToolDomains.Select(d => d.ToLowerInvariant()), StringComparer.Ordinal);
        _dottedToolDomains = _toolDomains.Select(d => "." + d).ToArray();
        _recruitingSender = new WordMatcher(rules.RecruitingSenderWords);
        _kindRank = rules.KindPriority.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
    }

    internal IReadOnlyList<string> FoldedPrefixes => _prefixes;

    public InterviewAssessment Assess(CalendarEvent e, MailboxOwner owner)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(owner);
        var reasons = new List<string>(6);
        var score = 0.0;

        var subject = SubjectLine.StripPrefixes(FoldedText.Fold(e.Subject), _prefixes, out var cancelledBySubject);
        var body = FoldedText.Fold(e.BodyText, BodyLimit);

        var subjectHits = new string?[_rules.Subject.Count];
        _subjectPhrases.Find(subject, subjectHits);
        string? kind = null;
        for (var i = 0; i < subjectHits.Length; i++)
        {
            if (subjectHits[i] is not { } phrase) continue;
            var signal = _rules.Subject[i];
            // "Margie's Travel", "Sprint": a warning word that is really the company's name says nothing.
            if (signal.Weight < 0 && IsInParticipantDomain(e, phrase)) continue;
            score += signal.Weight;
            reasons.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, signal.Reason, phrase));
            if (signal.Kind is { } k && (kind is null || Rank(k) < Rank(kind))) kind = k;
        }

        var bodyHits = new string?[_rules.Body.Count];
        _bodyPhrases.Find(body, bodyHits);
        for (var i = 0; i < bodyHits.Length; i++)
        {
            if (bodyHits[i] is not { } phrase) continue;
            var signal = _rules.Body[i];
            score += signal.Weight;
            reasons.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, signal.Reason, phrase));
        }

        score += WeighParticipants(e, owner, subject, body, reasons);

        var isInterview = score >= _rules.Threshold;
        var confidence = 1.0 / (1.0 + Math.Exp(-Math.Abs(score - _rules.Threshold) * 0.9));
        if (isInterview)
        {
            if (e.IsCancelled || cancelledBySubject) reasons.Add("cancelled");
            if (e.UserResponse == ResponseKind.Declined) reasons.Add("declined by you");
        }
        else if (reasons.Count == 0)
        {
            reasons.Add("nothing suggests a job interview");
        }
        return new InterviewAssessment(isInterview, Math.Round(confidence, 3), reasons, isInterview ? kind ?? "interview" : null);
    }

    private static bool IsInParticipantDomain(CalendarEvent e, string phrase)
    {
        var word = FoldedText.Fold(phrase);
        if (word.Length < 4 || !word.All(char.IsLetter)) return false;
        if (Mailboxes.Domain(e.Organizer.Address).Contains(word, StringComparison.Ordinal)) return true;
        foreach (var a in e.Attendees)
            if (Mailboxes.Domain(a.Who.Address).Contains(word, StringComparison.Ordinal)) return true;
        return false;
    }

    private int Rank(string kind) => _kindRank.TryGetValue(kind, out var r) ? r : int.MaxValue;

    private double WeighParticipants(CalendarEvent e, MailboxOwner owner, string subject, string body, List<string> reasons)
    {
        var w = _rules.Structure;
        var score = 0.0;
        var ownerOrganizes = e.IsOrganizer || owner.Is(e.Organizer.Address);
        var ownerDomain = Mailboxes.Domain(owner.Address);
        var ownerLabel = ownerDomain.Length > 0 && !_mailboxes.IsWebmail(ownerDomain) ? _mailboxes.OrganisationLabel(ownerDomain) : null;

        var people = 0;
        var internalOthers = 0;
        var outsideCompany = 0;
        var others = 0;
        string? tool = null;
        Consider(e.Organizer, AttendeeType.Required);
        foreach (var a in e.Attendees) Consider(a.Who, a.Type);

        void Consider(EmailAddress who, AttendeeType type)
        {
            if (!Mailboxes.HasAddress(who) || owner.Is(who.Address)) return;
            var seen = Classify(who, type);
            if (seen.ToolDomain is not null) { tool ??= seen.ToolDomain; return; }
            if (seen.IsRoom) return;
            others++;
            if (ownerLabel is not null && seen.OrganisationLabel == ownerLabel) internalOthers++;
            else if (seen.OrganisationLabel is not null) outsideCompany++;
            if (seen.IsPerson) people++;
        }

        if (ownerOrganizes && people == 0)
        {
            score += w.OwnerAloneBlock;
            reasons.Add("a block you made for yourself, with nobody else invited");
        }
        else if (ownerOrganizes)
        {
            score += w.OwnerOrganizes;
            reasons.Add("you organised it, so you are likely the one asking the questions");
        }
        else if (people == 0)
        {
            score += w.BroadcastWithoutPeople;
            reasons.Add("sent to you without any named person");
        }

        if (others > 0 && internalOthers == others)
        {
            score += w.AllParticipantsInternal;
            reasons.Add("everyone invited is from your own organisation");
        }
        else if (!ownerOrganizes && ownerLabel is not null && Mailboxes.HasAddress(e.Organizer)
                 && _mailboxes.OrganisationLabel(Mailboxes.Domain(e.Organizer.Address)) == ownerLabel)
        {
            // Your own employer sending an interview invite usually means you are on the panel.
            score += w.OrganizerFromOwnOrganisation;
            reasons.Add("sent by your own organisation");
        }
        if (ownerLabel is not null && !ownerOrganizes && people > 0 && outsideCompany == 0 && internalOthers < others)
        {
            // A work mailbox's own interviews come from another company; only webmail or tool senders suggests you are hiring.
            score += w.NoOutsideCompanyForWorkMailbox;
            reasons.Add("nobody from another company is invited");
        }
        if (!ownerOrganizes && Mailboxes.HasAddress(e.Organizer) && !owner.Is(e.Organizer.Address)
            && (ownerLabel is null || Classify(e.Organizer, AttendeeType.Required).OrganisationLabel != ownerLabel)
            && (_recruitingSender.IsMatch(FoldedText.Fold(e.Organizer.Name)) || _recruitingSender.IsMatch(Mailboxes.LocalPart(e.Organizer.Address).Replace('-', ' ').Replace('.', ' '))))
        {
            score += w.RecruitingTeamSender;
            reasons.Add("sent by a recruiting team");
        }
        if (tool is not null)
        {
            score += w.SchedulingToolParticipant;
            reasons.Add($"sent through a hiring scheduling tool ({tool})");
        }

        if (!ownerOrganizes && OwnerFirstName(owner) is { Length: >= 2 } first
            && (ContainsWord(subject, first) || ContainsWord(subject, FoldedText.Fold(owner.Name))))
        {
            score += w.OwnerNamedInSubject;
            reasons.Add("the subject names you");
        }

        if (body.Length > 0 && Greeting.Match(body.Length > 200 ? body[..200] : body) is { Success: true } g
            && _greetings.Contains(g.Groups["greeting"].Value.Trim()))
        {
            var greeted = g.Groups["name"].Value;
            var ownerFirst = OwnerFirstName(owner);
            if (ownerFirst.Length > 0 && greeted == ownerFirst) { score += w.GreetsOwner; reasons.Add("the body greets you"); }
            else if (ownerFirst.Length > 0 && !NotANameAfterGreeting.Contains(greeted) && !ContainsWord(FoldedText.Fold(owner.Name), greeted))
            {
                score += w.GreetsSomeoneElse;
                reasons.Add("the body greets someone else");
            }
        }
        return score;
    }

    private sealed record Participant(string? ToolDomain, bool IsRoom, bool IsPerson, string? OrganisationLabel);

    // Calendars repeat the same people; classifying each name and address once keeps Assess cheap.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, AttendeeType), Participant> _participants = new();

    private Participant Classify(EmailAddress who, AttendeeType type)
    {
        var key = (who.Address, who.Name, type);
        if (_participants.TryGetValue(key, out var known)) return known;
        var domain = Mailboxes.Domain(who.Address);
        Participant result;
        if (IsTool(domain)) result = new Participant(domain, false, false, null);
        else
        {
            var foldedName = FoldedText.Fold(who.Name);
            var isRoom = _mailboxes.IsRoom(who, type, foldedName);
            var isPerson = !isRoom && !_mailboxes.IsService(who) && !_mailboxes.IsDistribution(who, foldedName);
            result = new Participant(null, isRoom, isPerson, _mailboxes.OrganisationLabel(domain));
        }
        if (_participants.Count > 20_000) _participants.Clear();
        _participants[key] = result;
        return result;
    }

    private bool IsTool(string domain)
    {
        if (_toolDomains.Contains(domain)) return true;
        foreach (var d in _dottedToolDomains)
            if (domain.EndsWith(d, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string OwnerFirstName(MailboxOwner owner)
    {
        var name = FoldedText.Fold(owner.Name).Trim();
        if (name.Length == 0) name = Mailboxes.LocalPart(owner.Address).Replace('_', '.').Replace('-', '.');
        var comma = name.IndexOf(',');
        if (comma > 0) name = name[(comma + 1)..].Trim();
        var end = name.IndexOfAny([' ', '.']);
        return end > 0 ? name[..end] : name;
    }

    internal static bool ContainsWord(string folded, string word)
    {
        if (word.Length == 0) return false;
        var start = 0;
        while ((start = folded.IndexOf(word, start, StringComparison.Ordinal)) >= 0)
        {
            var end = start + word.Length;
            var leftOk = start == 0 || !char.IsLetterOrDigit(folded[start - 1]);
            var rightOk = end == folded.Length || !char.IsLetterOrDigit(folded[end]);
            if (leftOk && rightOk) return true;
            start = end;
        }
        return false;
    }
}
