namespace FollowUp.Api.Storage;

/// <summary>
/// One thank-you: per user (tenant id + object id from the token, never from the client), event and interviewer.
/// Notes and interests are stored encrypted (Data Protection).
/// </summary>
public sealed class FollowUpRecord
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string UserId { get; set; }
    public required string EventId { get; set; }
    /// <summary>Lower-cased address of the interviewer.</summary>
    public required string InterviewerEmail { get; set; }
    public string? InterviewerName { get; set; }
    public string? ProtectedNotes { get; set; }
    public string? ProtectedInterests { get; set; }
    public string? GiftUrl { get; set; }
    /// <summary>due, drafted, sent or dismissed.</summary>
    public string Status { get; set; } = "due";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }
    /// <summary>The Outlook draft made for this letter, once there is one.</summary>
    public string? OutlookDraftId { get; set; }
    public string? OutlookDraftWebLink { get; set; }
    /// <summary>A deferred send scheduled through Exchange, if any.</summary>
    public DateTimeOffset? ScheduledSendAt { get; set; }
    /// <summary>The latest letter written, checked or drafted for this interviewer (encrypted like the notes).</summary>
    public string? ProtectedLetter { get; set; }
    /// <summary>Who is creating the Outlook draft right now, so two instances never both create one.</summary>
    public string? DraftClaim { get; set; }
    public DateTimeOffset? DraftClaimUntil { get; set; }
}
