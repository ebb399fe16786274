using FollowUp.Domain.Detection;

namespace FollowUp.Domain.Interviewers;

/// <summary>The shape of interviewer-rules.json: mailboxes that are not people, coordinator wording, title words.</summary>
public sealed record InterviewerRules
{
    public const string ResourceName = "FollowUp.Domain.Interviewers.interviewer-rules.json";

    public IReadOnlyList<string> RoomNameWords { get; init; } = [];
    public IReadOnlyList<string> RoomAddressFragments { get; init; } = [];
    public IReadOnlyList<string> ServiceLocalParts { get; init; } = [];
    public IReadOnlyList<string> DistributionLocalParts { get; init; } = [];
    public IReadOnlyList<string> DistributionFragments { get; init; } = [];
    public IReadOnlyList<string> ServiceDomains { get; init; } = [];
    public IReadOnlyList<string> GroupNameWords { get; init; } = [];
    public IReadOnlyList<string> CoordinatorWords { get; init; } = [];
    public IReadOnlyList<string> CoordinatorLeadIns { get; init; } = [];
    /// <summary>Words that, after an organizer's name, mark them as the recruiting team scheduling for others.</summary>
    public IReadOnlyList<string> OrganizerSchedulerWords { get; init; } = [];
    /// <summary>Lead-ins to a mention of someone met before ("thanks for chatting with Miles"), which do not make them today's interviewer.</summary>
    public IReadOnlyList<string> PastMeetingLeadIns { get; init; } = [];
    /// <summary>Lead-ins to the people the owner meets ("un entretien avec"): a name after one on the same line is an interviewer, whatever role follows it.</summary>
    public IReadOnlyList<string> MeetingLeadIns { get; init; } = [];
    public IReadOnlyList<string> SelfCoordinatorPhrases { get; init; } = [];
    /// <summary>A line that ends a letter ("Best,", "Un saludo,"): the name after it is a signature, not an interviewer named.</summary>
    public IReadOnlyList<string> SignOffs { get; init; } = [];
    /// <summary>The sender saying they take part ("I'll join you both"): an organizer who signs is then an interviewer too.</summary>
    public IReadOnlyList<string> FirstPersonTakingPart { get; init; } = [];
    public IReadOnlyList<string> Honorifics { get; init; } = [];
    public IReadOnlyList<string> WebmailDomains { get; init; } = [];
    public IReadOnlyList<string> DomainSuffixLabels { get; init; } = [];
    public IReadOnlyList<string> TitleWords { get; init; } = [];
    /// <summary>Words trimmed from the start ("candidature Data Scientist") or end ("Staff Engineer loop") of a role, or where it is cut ("Java Developer with Giulia").</summary>
    public IReadOnlyList<string> RoleLeadWords { get; init; } = [];
    public IReadOnlyList<string> RoleTrailWords { get; init; } = [];
    public IReadOnlyList<string> RoleCutWords { get; init; } = [];
    /// <summary>Titles of the interviewer, not the role ("Chat with Priya (Hiring Manager)").</summary>
    public IReadOnlyList<string> NotRoles { get; init; } = [];
    public IReadOnlyList<string> NotCompanyWords { get; init; } = [];

    /// <summary>Words right after a name that mark someone who only set the meeting up ("Priyanka has arranged your interview").</summary>
    public IReadOnlyList<string> ArrangerPhrases { get; init; } = [];
    /// <summary>Words before an agency's name in the subject ("(via Hays)"): the organizer from that agency only arranged the interview.</summary>
    public IReadOnlyList<string> AgencyLeadIns { get; init; } = [];

    public static InterviewerRules Load() => EmbeddedJson.Load<InterviewerRules>(ResourceName);
}
