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
    public IReadOnlyList<string> SelfCoordinatorPhrases { get; init; } = [];
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

    public static InterviewerRules Load() => EmbeddedJson.Load<InterviewerRules>(ResourceName);
}
