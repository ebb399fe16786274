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
    /// <summary>Body phrases of a private hold mirrored from another calendar ("[Copied from personal calendar]").</summary>
    public IReadOnlyList<string> CopiedHoldPhrases { get; init; } = [];
    /// <summary>Subject signals whose phrases name a job ("job title", "role or application"): a veto word beside them is part of the job.</summary>
    public IReadOnlyList<string> JobContextSignals { get; init; } = [];
    /// <summary>Subject signals that name a job title itself ("Deputy Prosecutor"), unlike words such as "recruiter" or "application".</summary>
    public IReadOnlyList<string> JobTitleSignals { get; init; } = [];
    /// <summary>Subject signals that name a step of a hiring process ("stage 3", "trial shift").</summary>
    public IReadOnlyList<string> StageSignals { get; init; } = [];
    /// <summary>Scheduling tools anyone books through (Calendly, Bookings): unlike an applicant tracker, they say nothing about hiring.</summary>
    public IReadOnlyList<string> GeneralBookingDomains { get; init; } = [];
    /// <summary>Body signals that tie the event to the owner's own application ("your application", "hiring manager for"), for softening "hiringInBody".</summary>
    public IReadOnlyList<string> BodyHiringSignals { get; init; } = [];

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
    /// <summary>A warning word still counts when a participant's domain contains it (a podcast's own domain says it is a podcast).</summary>
    public bool CountsInCompanyName { get; init; }
    /// <summary>The weight used instead of <see cref="Weight"/> when any of <see cref="SoftenedWhen"/> holds.</summary>
    public double? SoftenedWeight { get; init; }
    /// <summary>
    /// Hiring context that makes a veto word weigh less: "jobTitleNearby" (in the same part of the subject as a job word),
    /// "jobTitle" (anywhere in the subject), "subjectStage", "recruitingSender", "applicantTracking", "startsJobTitle" (the word opens a
    /// job title: "Practice Nurse"), "finalRound" (a final-round word in the subject), "hiringInBody", "ownerIntroduced" (the body says "meet &lt;owner&gt;").
    /// </summary>
    public IReadOnlyList<string> SoftenedWhen { get; init; } = [];
    /// <summary>Soften only when the owner is outside the inviting organisation ("hiring committee" invites a candidate, not a colleague).</summary>
    public bool OnlyWhenOwnerOutside { get; init; }
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
    /// <summary>A webmail owner invited by people of one outside organisation: the usual shape of a candidate's invite.</summary>
    public double OutsideOrganisationInvites { get; init; }
    /// <summary>"candidate: &lt;owner&gt;" in the subject.</summary>
    public double OwnerNamedAsCandidate { get; init; }
    /// <summary>Replaces OwnerOrganizes when a webmail owner sends the invite a recruiter asked for.</summary>
    public double OwnerOrganizesWithRecruiter { get; init; }
    /// <summary>Replaces OwnerAloneBlock for a hold copied from another calendar.</summary>
    public double CopiedHold { get; init; }
    /// <summary>"Debrief: candidate Sam Oduya" when the candidate is not the owner.</summary>
    public double AnotherCandidateNamed { get; init; }
}
