namespace FollowUp.Domain.Detection;

/// <summary>The shape of detection-rules.json: weighted phrase signals for subject and body, and structural weights.</summary>
public sealed record DetectionRules
{
    public const string ResourceName = "FollowUp.Domain.Detection.detection-rules.json";

    public double Threshold { get; init; }
    public IReadOnlyList<string> SubjectPrefixes { get; init; } = [];
    public IReadOnlyList<string> KindPriority { get; init; } = [];
    public StructureWeights Structure { get; init; } = new();
    public IReadOnlyList<PhraseSignal> Subject { get; init; } = [];
    public IReadOnlyList<PhraseSignal> Body { get; init; } = [];
    public IReadOnlyList<string> SchedulingToolDomains { get; init; } = [];
    public IReadOnlyList<string> WebmailDomains { get; init; } = [];
    public IReadOnlyList<string> Greetings { get; init; } = [];
    /// <summary>Words in an organizer's name or mailbox that mark a recruiting team ("Globex Talent", careers@).</summary>
    public IReadOnlyList<string> RecruitingSenderWords { get; init; } = [];

    public static DetectionRules Load() => EmbeddedJson.Load<DetectionRules>(ResourceName);
}

/// <summary>Phrases that, found in a field, add <see cref="Weight"/> once; a negative weight argues against an interview.</summary>
public sealed record PhraseSignal
{
    public string Name { get; init; } = "";
    public string? Kind { get; init; }
    public double Weight { get; init; }
    /// <summary>Human-readable reason; "{0}" is replaced by the phrase found.</summary>
    public string Reason { get; init; } = "";
    public IReadOnlyList<string> Phrases { get; init; } = [];
}

/// <summary>Weights of what the event's shape says, independent of its words.</summary>
public sealed record StructureWeights
{
    public double OwnerAloneBlock { get; init; }
    public double OwnerOrganizes { get; init; }
    public double AllParticipantsInternal { get; init; }
    public double OrganizerFromOwnOrganisation { get; init; }
    public double NoOutsideCompanyForWorkMailbox { get; init; }
    public double RecruitingTeamSender { get; init; }
    public double SchedulingToolParticipant { get; init; }
    public double OwnerNamedInSubject { get; init; }
    public double GreetsOwner { get; init; }
    public double GreetsSomeoneElse { get; init; }
    public double BroadcastWithoutPeople { get; init; }
}
