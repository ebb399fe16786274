using System.Numerics;
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
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotANameAfterGreeting = new HashSet<string>(StringComparer.Ordinal)
    {
        "team", "all", "there", "everyone", "candidate", "candidato", "candidata", "folks", "both", "sir", "madam", "mr", "mrs", "ms", "herr", "frau", "monsieur", "madame", "senor", "senora", "sr", "sra", "again", "y'all", "friends",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    public static InterviewDetector Default => Shared.Value;

    private readonly DetectionRules _rules;
    private readonly Mailboxes _mailboxes;
    private readonly PhraseSet _subjectPhrases;
    private readonly PhraseSet _bodyPhrases;
    private readonly string[] _prefixes;
    private readonly SubjectLine.Prefixes _prefixGroups;
    private readonly OpeningGreeting _greeting;
    private readonly HashSet<string> _toolDomains;
    private readonly string[] _dottedToolDomains;
    private readonly Dictionary<string, int> _kindRank;
    private readonly WordMatcher _recruitingSender;
    private readonly WordMatcher _copiedHold;
    private readonly WordMatcher _jobWords;
    // Signals as bits (bit i for signal i), to test against the ones found.
    private readonly ulong _jobTitleSignals;
    private readonly ulong _stageSignals;
    private readonly ulong _finalSignals;
    private readonly ulong _bodyHiringSignals;
    private readonly string[] _generalBookingDomains;
    private readonly string[] _generalBookingLabels;
    // Worked out once per phrase instead of per event: the reasons as shown, and what the phrase says on its own.
    private readonly string?[] _subjectReason;
    private readonly string?[] _subjectSoftenedReason;
    private readonly string?[] _bodyReason;
    private readonly string?[] _bodySoftenedReason;
    private readonly bool[] _subjectPhraseMayNameCompany;
    // Per signal, read once from the rules: when its weight is softened, and how its kind ranks.
    private readonly Softening[][] _subjectSoftenedWhen;
    private readonly Softening[][] _bodySoftenedWhen;
    private readonly int[] _subjectKindRank;
    private readonly bool[] _bodyPhraseNamesTracker;

    internal InterviewDetector(DetectionRules rules, Mailboxes mailboxes)
    {
        _rules = rules;
        _mailboxes = mailboxes;
        _subjectPhrases = new PhraseSet(rules.Subject.SelectMany((s, i) => s.Phrases.Select(p => (p, i))));
        _bodyPhrases = new PhraseSet(rules.Body.SelectMany((s, i) => s.Phrases.Select(p => (p, i))));
        _prefixes = rules.SubjectPrefixes.Select(p => FoldedText.Fold(p)).Where(p => p.Length > 0).OrderByDescending(p => p.Length).ToArray();
        _prefixGroups = new SubjectLine.Prefixes(_prefixes);
        _greeting = new OpeningGreeting(rules.Greetings.Select(g => FoldedText.Fold(g)));
        _toolDomains = new(rules.SchedulingToolDomains.Select(d => d.ToLowerInvariant()), StringComparer.Ordinal);
        _dottedToolDomains = _toolDomains.Select(d => "." + d).ToArray();
        _recruitingSender = new WordMatcher(rules.RecruitingSenderWords);
        _copiedHold = new WordMatcher(rules.CopiedHoldPhrases);
        var jobSignals = rules.JobContextSignals.ToHashSet(StringComparer.Ordinal);
        var stageSignals = rules.StageSignals.ToHashSet(StringComparer.Ordinal);
        var titleSignals = rules.JobTitleSignals.ToHashSet(StringComparer.Ordinal);
        _jobTitleSignals = Signals(rules.Subject, s => titleSignals.Contains(s.Name));
        _stageSignals = Signals(rules.Subject, s => stageSignals.Contains(s.Name));
        _finalSignals = Signals(rules.Subject, s => s.Kind == "final");
        var bodyHiringSignals = rules.BodyHiringSignals.ToHashSet(StringComparer.Ordinal);
        _bodyHiringSignals = Signals(rules.Body, s => bodyHiringSignals.Contains(s.Name));
        _jobWords = new WordMatcher(rules.Subject.Where(s => jobSignals.Contains(s.Name)).SelectMany(s => s.Phrases));
        _generalBookingDomains = rules.GeneralBookingDomains.Select(d => d.ToLowerInvariant()).ToArray();
        _generalBookingLabels = _generalBookingDomains.Select(d => d.Split('.')[0]).ToArray();
        _kindRank = rules.KindPriority.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        _subjectReason = Reasons(_subjectPhrases, rules.Subject, softened: false);
        _subjectSoftenedReason = Reasons(_subjectPhrases, rules.Subject, softened: true);
        _bodyReason = Reasons(_bodyPhrases, rules.Body, softened: false);
        _bodySoftenedReason = Reasons(_bodyPhrases, rules.Body, softened: true);
        _subjectPhraseMayNameCompany = Enumerable.Range(0, _subjectPhrases.Count)
            .Select(id => _subjectPhrases.Folded(id) is { Length: >= 4 } word && word.All(char.IsLetter)).ToArray();
        _subjectSoftenedWhen = SoftenedWhen(rules.Subject);
        _bodySoftenedWhen = SoftenedWhen(rules.Body);
        _subjectKindRank = rules.Subject.Select(s => s.Kind is { } k ? Rank(k) : int.MaxValue).ToArray();
        _bodyPhraseNamesTracker = Enumerable.Range(0, _bodyPhrases.Count)
            .Select(id => rules.Body[_bodyPhrases.Signal(id)].Name == "scheduling tool"
                          && !_generalBookingLabels.Any(l => _bodyPhrases.Folded(id).Contains(l, StringComparison.Ordinal))).ToArray();
    }

    private const string HiringContextNote = ", but it sits in a hiring context";

    // A reason that does not format (a stray brace) is left to string.Format at assessment time, which fails as it always did.
    private static string?[] Reasons(PhraseSet phrases, IReadOnlyList<PhraseSignal> signals, bool softened) =>
        Enumerable.Range(0, phrases.Count).Select(id =>
        {
            var reason = signals[phrases.Signal(id)].Reason + (softened ? HiringContextNote : "");
            try { return string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, phrases.Original(id)); }
            catch (FormatException) { return null; }
        }).ToArray();

    private static string Reason(string?[] formatted, PhraseSet phrases, IReadOnlyList<PhraseSignal> signals, int id, bool softened) =>
        formatted[id] ?? string.Format(System.Globalization.CultureInfo.InvariantCulture,
            signals[phrases.Signal(id)].Reason + (softened ? HiringContextNote : ""), phrases.Original(id));

    internal IReadOnlyList<string> FoldedPrefixes => _prefixes;

    public InterviewAssessment Assess(CalendarEvent e, MailboxOwner owner)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(owner);
        // Folded text lives on the stack or in pooled buffers: Assess runs over whole calendars.
        char[]? subjectBuffer = null, bodyBuffer = null;
        try
        {
            // Most subjects fold on the stack; bodies take a pooled buffer.
            var subject = SubjectLine.StripPrefixes(FoldedText.Fold(e.Subject, int.MaxValue, stackalloc char[512], ref subjectBuffer), _prefixGroups, out var cancelledBySubject);
            var body = FoldedText.Fold(e.BodyText, BodyLimit, [], ref bodyBuffer);

            // Both sets hold at most 64 signals (PhraseSet.MaxSignals): which were found is one number each.
            Span<int> subjectHits = stackalloc int[PhraseSet.MaxSignals];
            var subjectFound = _subjectPhrases.Find(subject, subjectHits);
            Span<int> bodyHits = stackalloc int[PhraseSet.MaxSignals];
            var bodyFound = _bodyPhrases.Find(body, bodyHits);

            var participantReasons = new ReasonList();
            var participantScore = WeighParticipants(e, owner, subject, body, ref participantReasons, out var domains, out var context);
            var hiring = new HiringContext(context, subjectFound, this, bodyFound, bodyHits, IntroducesOwner(body, owner));

            var reasons = new List<string>(BitOperations.PopCount(subjectFound) + BitOperations.PopCount(bodyFound) + participantReasons.Count + 2);
            var score = 0.0;
            string? kind = null;
            var kindRank = int.MaxValue;
            // In signal order, as the reasons have always been listed.
            for (var found = subjectFound; found != 0; found &= found - 1)
            {
                var i = BitOperations.TrailingZeroCount(found);
                var id = subjectHits[i];
                var signal = _rules.Subject[i];
                // "Margie's Travel", "Sprint": a warning word that is really the company's name says nothing.
                if (signal.Weight < 0 && !signal.CountsInCompanyName && _subjectPhraseMayNameCompany[id] && IsInParticipantDomain(e, in domains, _subjectPhrases.Folded(id))) continue;
                var weight = signal.Weight;
                var softenedHere = false;
                if (signal.SoftenedWeight is { } softened && IsSoftened(signal, _subjectSoftenedWhen[i], _subjectPhrases.Folded(id), subject, hiring))
                {
                    // "Hotel Operations Lead", "mock pitch (stage 3)": the warning word belongs to the job or to a step of hiring.
                    weight = softened;
                    softenedHere = true;
                }
                score += weight;
                reasons.Add(Reason(softenedHere ? _subjectSoftenedReason : _subjectReason, _subjectPhrases, _rules.Subject, id, softenedHere));
                if (signal.Kind is { } k && (kind is null || _subjectKindRank[i] < kindRank)) (kind, kindRank) = (k, _subjectKindRank[i]);
            }

            for (var found = bodyFound; found != 0; found &= found - 1)
            {
                var i = BitOperations.TrailingZeroCount(found);
                var id = bodyHits[i];
                var signal = _rules.Body[i];
                var soften = signal.SoftenedWeight is not null && IsSoftened(signal, _bodySoftenedWhen[i], _bodyPhrases.Folded(id), subject, hiring, inBody: true);
                score += soften ? signal.SoftenedWeight!.Value : signal.Weight;
                reasons.Add(Reason(soften ? _bodySoftenedReason : _bodyReason, _bodyPhrases, _rules.Body, id, soften));
            }

            score += participantScore;
            for (var i = 0; i < participantReasons.Count; i++) reasons.Add(participantReasons[i]);

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
        finally
        {
            FoldedText.Return(subjectBuffer);
            FoldedText.Return(bodyBuffer);
        }
    }

    /// <summary>Sixteen strings on the stack.</summary>
    [System.Runtime.CompilerServices.InlineArray(16)]
    private struct StringSlots
    {
        private string _first;
    }

    /// <summary>The participants' reasons, kept on the stack until the phrase reasons that come first are known.</summary>
    private struct ReasonList
    {
        private StringSlots _slots;
        public int Count { get; private set; }
        public readonly string this[int i] => _slots[i];
        public void Add(string reason) => _slots[Count++] = reason;
    }

    /// <summary>The domains of an event's participants as classified (lower case), for up to 16 of them.</summary>
    private struct DomainList
    {
        private StringSlots _slots;
        public int Count { get; private set; }
        /// <summary>False when an event had more participants than fit: their addresses are then read again.</summary>
        public bool Complete { get; private set; }
        public readonly string this[int i] => _slots[i];

        public static DomainList Empty => new() { Complete = true };

        public void Add(string domain)
        {
            if (Count == 16) Complete = false;
            else _slots[Count++] = domain;
        }
    }

    /// <summary>What the participants say about the hiring process, for weighing veto words.</summary>
    private readonly record struct ParticipantContext(bool ApplicantTracking, bool RecruitingSender, bool OwnerOutside);

    private readonly record struct HiringContext(bool ApplicantTracking, bool RecruitingSender, bool OwnerOutside, bool JobInSubject, bool StageInSubject,
        bool FinalInSubject, bool HiringInBody, bool OwnerIntroduced)
    {
        public HiringContext(ParticipantContext p, ulong subjectFound, InterviewDetector d, ulong bodyFound, ReadOnlySpan<int> bodyHits, bool ownerIntroduced)
            : this(p.ApplicantTracking || d.HasTrackerInBody(bodyFound, bodyHits), p.RecruitingSender, p.OwnerOutside, (subjectFound & d._jobTitleSignals) != 0,
                   (subjectFound & d._stageSignals) != 0, (subjectFound & d._finalSignals) != 0, (bodyFound & d._bodyHiringSignals) != 0, ownerIntroduced) { }
    }

    // "Sofia, meet Jordan - Jordan is interviewing for your opening": the owner is the one being introduced, so the candidate.
    private bool IntroducesOwner(ReadOnlySpan<char> body, MailboxOwner owner)
    {
        var facts = FactsOf(owner);
        return facts.FirstName.Length >= 2 && body.Contains(facts.MeetFirstName, StringComparison.Ordinal) && ContainsWord(body, facts.MeetFirstName);
    }

    // "via Greenhouse" in the body names an applicant tracker; "Microsoft Bookings" or Calendly could book anything.
    private bool HasTrackerInBody(ulong bodyFound, ReadOnlySpan<int> bodyHits)
    {
        for (; bodyFound != 0; bodyFound &= bodyFound - 1)
            if (_bodyPhraseNamesTracker[bodyHits[BitOperations.TrailingZeroCount(bodyFound)]]) return true;
        return false;
    }

    /// <summary>The signals <paramref name="which"/> picks out, as bits.</summary>
    private static ulong Signals(IReadOnlyList<PhraseSignal> signals, Func<PhraseSignal, bool> which)
    {
        var bits = 0UL;
        for (var i = 0; i < signals.Count; i++)
            if (which(signals[i])) bits |= 1UL << i;
        return bits;
    }

    /// <summary>A signal's softenedWhen entries, read once from the rules.</summary>
    private enum Softening { Unknown, JobTitleNearby, StartsJobTitle, FinalRound, HiringInBody, OwnerIntroduced, JobTitle, SubjectStage, RecruitingSender, ApplicantTracking }

    private static Softening[][] SoftenedWhen(IReadOnlyList<PhraseSignal> signals) =>
        signals.Select(s => s.SoftenedWhen.Select(when => when switch
        {
            "jobTitleNearby" => Softening.JobTitleNearby,
            "startsJobTitle" => Softening.StartsJobTitle,
            "finalRound" => Softening.FinalRound,
            "hiringInBody" => Softening.HiringInBody,
            "ownerIntroduced" => Softening.OwnerIntroduced,
            "jobTitle" => Softening.JobTitle,
            "subjectStage" => Softening.SubjectStage,
            "recruitingSender" => Softening.RecruitingSender,
            "applicantTracking" => Softening.ApplicantTracking,
            _ => Softening.Unknown,
        }).ToArray()).ToArray();

    private bool IsSoftened(PhraseSignal signal, Softening[] softenedWhen, string foldedPhrase, ReadOnlySpan<char> subject, HiringContext c, bool inBody = false)
    {
        if (signal.OnlyWhenOwnerOutside && !c.OwnerOutside) return false;
        foreach (var when in softenedWhen)
        {
            var holds = when switch
            {
                Softening.JobTitleNearby => !inBody && IsBesideJobWord(subject, foldedPhrase),
                Softening.StartsJobTitle => !inBody && StartsJobTitle(subject, foldedPhrase),
                Softening.FinalRound => c.FinalInSubject,
                Softening.HiringInBody => c.HiringInBody,
                Softening.OwnerIntroduced => c.OwnerIntroduced,
                Softening.JobTitle => c.JobInSubject,
                Softening.SubjectStage => c.StageInSubject,
                Softening.RecruitingSender => c.RecruitingSender,
                Softening.ApplicantTracking => c.ApplicantTracking,
                _ => false,
            };
            if (holds) return true;
        }
        return false;
    }

    /// <summary>True when a job word shares the veto word's part of the subject ("reporter opening", "Hotel Operations Lead").</summary>
    private bool IsBesideJobWord(ReadOnlySpan<char> subject, string phrase)
    {
        var at = subject.IndexOf(phrase, StringComparison.Ordinal);
        if (at < 0) return false;
        var start = at;
        while (start > 0 && !IsSegmentBreak(subject, start - 1)) start--;
        var end = at + phrase.Length;
        while (end < subject.Length && !IsSegmentBreak(subject, end)) end++;
        // The veto word itself may be a job word too ("reporter"): only another word counts.
        var before = subject[start..at];
        var after = subject[(at + phrase.Length)..end];
        var length = before.Length + 1 + after.Length;
        var segment = length <= 512 ? stackalloc char[length] : new char[length];
        before.CopyTo(segment);
        segment[before.Length] = ' ';
        after.CopyTo(segment[(before.Length + 1)..]);
        return _jobWords.IsMatch(segment);
    }

    /// <summary>True when the veto word is the first word of a job title ("Practice Nurse", "Practice Manager").</summary>
    private bool StartsJobTitle(ReadOnlySpan<char> subject, string phrase)
    {
        var at = subject.IndexOf(phrase, StringComparison.Ordinal);
        if (at < 0) return false;
        var rest = subject[(at + phrase.Length)..].TrimStart(' ');
        var end = 0;
        while (end < rest.Length && (char.IsLetter(rest[end]) || rest[end] == '-')) end++;
        return end > 0 && _jobWords.IsMatch(rest[..end]);
    }

    private static bool IsSegmentBreak(ReadOnlySpan<char> s, int i) => s[i] switch
    {
        '(' or ')' or ':' or '|' or '/' or '+' or ',' or '[' or ']' or ';' or '@' => true,
        '-' => (i > 0 && s[i - 1] == ' ') || (i + 1 < s.Length && s[i + 1] == ' '),
        _ => false,
    };

    /// <summary>Whether a participant's domain contains the folded word (four or more letters, checked by the caller).</summary>
    private static bool IsInParticipantDomain(CalendarEvent e, in DomainList domains, string word)
    {
        if (domains.Complete)
        {
            for (var i = 0; i < domains.Count; i++)
                if (domains[i].Contains(word, StringComparison.Ordinal)) return true;
            return false;
        }
        // More participants than the list holds (rare): read their addresses again.
        if (Mailboxes.Domain(e.Organizer.Address).Contains(word, StringComparison.Ordinal)) return true;
        var attendees = e.Attendees;
        for (var i = 0; i < attendees.Count; i++)
            if (Mailboxes.Domain(attendees[i].Who.Address).Contains(word, StringComparison.Ordinal)) return true;
        return false;
    }

    private int Rank(string kind) => _kindRank.TryGetValue(kind, out var r) ? r : int.MaxValue;

    private double WeighParticipants(CalendarEvent e, MailboxOwner owner, ReadOnlySpan<char> subject, ReadOnlySpan<char> body, ref ReasonList reasons, out DomainList domains, out ParticipantContext context)
    {
        var w = _rules.Structure;
        var score = 0.0;
        var ownerOrganizes = e.IsOrganizer || owner.Is(e.Organizer.Address);
        var facts = FactsOf(owner);
        var ownerLabel = facts.Label;

        var people = 0;
        var internalOthers = 0;
        var outsideCompany = 0;
        var others = 0;
        string? tool = null;
        string? toolReason = null;
        var tracker = false;
        var recruitingSender = false;
        string? outsideLabel = null;
        var oneOutsideLabel = true;
        var recruiterInvited = false;
        // Every participant's domain, for the company-name check that follows (addresses without one add none).
        var seenDomains = DomainList.Empty;
        // The organizer is weighed below too: classified once, here.
        var organizer = Consider(e.Organizer, AttendeeType.Required);
        // Indexing, not foreach: an interface enumerator would be allocated per event.
        var attendees = e.Attendees;
        for (var i = 0; i < attendees.Count; i++) Consider(attendees[i].Who, attendees[i].Type);

        // Returns how the participant was classified (null when it has no address or is the owner).
        Participant? Consider(EmailAddress who, AttendeeType type)
        {
            if (string.IsNullOrWhiteSpace(who.Address)) return null;
            var seen = Classify(who, type);
            seenDomains.Add(seen.Domain);
            if (!seen.HasAddress || owner.Is(who.Address)) return null;
            // The owner's other mailbox, invited under the owner's own full name (as Mailboxes.IsOwnerUnderAnotherAddress).
            if (facts.HasFullName && seen.HasName && seen.FoldedName == facts.FoldedName) return seen;
            if (seen.ToolDomain is not null)
            {
                if (tool is null) (tool, toolReason) = (seen.ToolDomain, seen.ToolReason);
                tracker |= seen.IsTracker;
                return seen;
            }
            if (seen.IsRoom) return seen;
            others++;
            if (ownerLabel is not null && seen.OrganisationLabel == ownerLabel) internalOthers++;
            else if (seen.OrganisationLabel is not null) outsideCompany++;
            if (seen.OrganisationLabel is null || (outsideLabel is not null && outsideLabel != seen.OrganisationLabel)) oneOutsideLabel = false;
            outsideLabel ??= seen.OrganisationLabel;
            if (seen.IsPerson) people++;
            if (ownerOrganizes && seen.RecruitingName) recruiterInvited = true;
            return seen;
        }

        if (ownerOrganizes && internalOthers == 0 && body.Length > 0 && _copiedHold.IsMatch(body))
        {
            // A private hold mirrored from another calendar: it says what the time is for, nobody else is invited.
            score += w.CopiedHold;
            reasons.Add(people == 0 ? "a hold copied from another calendar" : "a hold for an interview whose real invite went elsewhere");
        }
        else if (ownerOrganizes && people == 0)
        {
            score += w.OwnerAloneBlock;
            reasons.Add("a block you made for yourself, with nobody else invited");
        }
        else if (ownerOrganizes && ownerLabel is null && outsideCompany > 0
                 && (recruiterInvited || _recruitingSender.IsMatch(subject)))
        {
            // A job seeker on a personal address often sends the invite a recruiter asked for.
            score += w.OwnerOrganizesWithRecruiter;
            reasons.Add("you sent the invite to a recruiter");
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
        if (!ownerOrganizes && ownerLabel is null && people > 0 && oneOutsideLabel && outsideLabel is not null)
        {
            score += w.OutsideOrganisationInvites;
            reasons.Add("invited by people from one outside organisation");
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
        if (!ownerOrganizes && organizer is not null
            && (ownerLabel is null || organizer.OrganisationLabel != ownerLabel)
            && organizer.RecruitingSender)
        {
            score += w.RecruitingTeamSender;
            recruitingSender = true;
            reasons.Add("sent by a recruiting team");
        }
        if (tool is not null)
        {
            score += w.SchedulingToolParticipant;
            reasons.Add(toolReason!);
        }

        if (!ownerOrganizes && facts.FirstName is { Length: >= 2 } first
            && (ContainsWord(subject, first) || ContainsWord(subject, facts.FoldedFullName)))
        {
            score += w.OwnerNamedInSubject;
            reasons.Add("the subject names you");
            if (NamesCandidate(subject, first))
            {
                score += w.OwnerNamedAsCandidate;
                reasons.Add("the subject names you as the candidate");
            }
        }
        else if (NamesAnotherCandidate(e.Subject ?? "", facts.FirstName))
        {
            // "Debrief: candidate Sam Oduya", "candidate: R. Gupta": someone else is the candidate, so the owner assesses.
            score += w.AnotherCandidateNamed;
            reasons.Add("the subject names someone else as the candidate");
        }

        if (_greeting.TryRead(body, out var greeted))
        {
            var ownerFirst = facts.FirstName;
            if (ownerFirst.Length > 0 && greeted.SequenceEqual(ownerFirst)) { score += w.GreetsOwner; reasons.Add("the body greets you"); }
            else if (ownerFirst.Length > 0 && !NotANameAfterGreeting.Contains(greeted) && !ContainsWord(facts.FoldedFullName, greeted))
            {
                score += w.GreetsSomeoneElse;
                reasons.Add("the body greets someone else");
            }
        }
        domains = seenDomains;
        context = new ParticipantContext(tracker, recruitingSender, !ownerOrganizes && internalOthers == 0 && (outsideCompany > 0 || tool is not null));
        return score;
    }

    private static readonly string[] CandidateLabels = ["candidate", "candidata", "candidato", "kandidat", "kandidatin", "kandidaat", "candidat"];

    // "(candidate: Hannah Lee)", "Candidato - Hannah": the label sits right before the owner's name.
    private static bool NamesCandidate(ReadOnlySpan<char> subject, string ownerFirst)
    {
        foreach (var label in CandidateLabels)
        {
            var at = subject.IndexOf(label, StringComparison.Ordinal);
            if (at < 0) continue;
            var rest = subject[(at + label.Length)..].TrimStart(" :-–(".AsSpan());
            if (rest.StartsWith(ownerFirst, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static readonly Regex OtherCandidate = new(@"\b(?i:candidate|candidata|candidato|kandidat|kandidatin|kandidaat|candidat)\b\s*[:\-–(]?\s*\p{Lu}[\p{L}'.]*\s+\p{Lu}[\p{L}'.]*(?=\s*(?:$|[()\[\],;|/–-]))", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static bool NamesAnotherCandidate(string rawSubject, string ownerFirst)
    {
        var m = OtherCandidate.Match(rawSubject);
        return m.Success && !ContainsWord(FoldedText.Fold(m.Value), ownerFirst);
    }

    /// <summary>What Assess derives from the owner, worked out once per owner rather than per event.</summary>
    private sealed record OwnerFacts(MailboxOwner Owner, string FirstName, string MeetFirstName, string FoldedFullName, string FoldedName, bool HasFullName, string? Label);

    private OwnerFacts? _lastOwner;

    private OwnerFacts FactsOf(MailboxOwner owner)
    {
        // Callers build a new owner record per request: compare by value (name and address), not by instance.
        if (_lastOwner is { } known && known.Owner == owner) return known;
        var domain = Mailboxes.Domain(owner.Address);
        var label = domain.Length > 0 && !_mailboxes.IsWebmail(domain) ? _mailboxes.OrganisationLabel(domain) : null;
        var foldedFull = FoldedText.Fold(owner.Name);
        var hasFullName = !string.IsNullOrWhiteSpace(owner.Name) && owner.Name.Trim().IndexOf(' ') >= 0;
        var first = OwnerFirstName(owner);
        var facts = new OwnerFacts(owner, first, "meet " + first, foldedFull, foldedFull.Trim(), hasFullName, label);
        _lastOwner = facts;
        return facts;
    }

    private sealed record Participant(string? ToolDomain, bool IsRoom, bool IsPerson, string? OrganisationLabel,
        bool HasName, string FoldedName, bool RecruitingName, bool RecruitingSender)
    {
        /// <summary>As <see cref="Mailboxes.HasAddress"/>: the address names a mailbox ("name@domain").</summary>
        public bool HasAddress { get; init; }
        /// <summary>The address's domain, lower case (as <see cref="Mailboxes.Domain"/>).</summary>
        public string Domain { get; init; } = "";
        /// <summary>A tool other than a general booking one (an applicant tracker), and how the reasons name it.</summary>
        public bool IsTracker { get; init; }
        public string? ToolReason { get; init; }
    }

    // Calendars repeat the same people; classifying each name and address once keeps Assess cheap.
    private readonly ParticipantCache<Participant> _participants = new(capacity: 20_000);

    private Participant Classify(EmailAddress who, AttendeeType type)
    {
        var hash = _participants.Hash(who.Address, who.Name, type);
        return _participants.Find(hash, who.Address, who.Name, type) ?? ClassifyNew(who, type, hash);
    }

    // Apart from the lookup: its lambdas' closure would otherwise be allocated on every call, found or not.
    private Participant ClassifyNew(EmailAddress who, AttendeeType type, ulong hash)
    {
        var domain = Mailboxes.Domain(who.Address);
        var foldedName = FoldedText.Fold(who.Name);
        var hasName = !string.IsNullOrWhiteSpace(who.Name);
        var recruitingName = _recruitingSender.IsMatch(foldedName);
        var recruitingSender = recruitingName || (who.Address is not null && _recruitingSender.IsMatch(Mailboxes.LocalPart(who.Address).Replace('-', ' ').Replace('.', ' ')));
        Participant result;
        if (IsTool(domain))
            result = new Participant(domain, false, false, null, hasName, foldedName.Trim(), recruitingName, recruitingSender)
            {
                HasAddress = Mailboxes.HasAddress(who),
                Domain = domain,
                IsTracker = !_generalBookingDomains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal)),
                ToolReason = $"sent through a hiring scheduling tool ({domain})",
            };
        else
        {
            var isRoom = _mailboxes.IsRoom(who, type, foldedName);
            var isPerson = !isRoom && !_mailboxes.IsService(who) && !_mailboxes.IsDistribution(who, foldedName);
            result = new Participant(null, isRoom, isPerson, _mailboxes.OrganisationLabel(domain), hasName, foldedName.Trim(), recruitingName, recruitingSender)
            {
                HasAddress = Mailboxes.HasAddress(who),
                Domain = domain,
            };
        }
        _participants.Add(hash, who.Address, who.Name, type, result);
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

    internal static bool ContainsWord(ReadOnlySpan<char> folded, ReadOnlySpan<char> word)
    {
        if (word.Length == 0) return false;
        var start = 0;
        while (folded[start..].IndexOf(word, StringComparison.Ordinal) is var found and >= 0)
        {
            start += found;
            var end = start + word.Length;
            var leftOk = start == 0 || !char.IsLetterOrDigit(folded[start - 1]);
            var rightOk = end == folded.Length || !char.IsLetterOrDigit(folded[end]);
            if (leftOk && rightOk) return true;
            start = end;
        }
        return false;
    }
}
