namespace FollowUp.Domain.Detection;

/// <summary>Whether an event is a job interview where the mailbox owner is the candidate, and why.</summary>
/// <param name="IsInterview">The verdict.</param>
/// <param name="Confidence">0..1; how sure the verdict is (for either answer).</param>
/// <param name="Reasons">Human-readable reasons, e.g. "subject says 'phone screen'", "sent by Greenhouse".</param>
/// <param name="Kind">phone screen, technical, panel, onsite, final, hiring manager, team chat, interview; null when not an interview.</param>
public sealed record InterviewAssessment(bool IsInterview, double Confidence, IReadOnlyList<string> Reasons, string? Kind);
