namespace FollowUp.Domain.Gifts;

/// <summary>An "intellectual gift": a free, reputable page about the interviewer's interest.</summary>
public sealed record Gift(string Title, string Url, string Why);
