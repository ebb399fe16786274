namespace FollowUp.Domain.Interviewers;

/// <summary>Someone to thank: a usable display name, the first name for the greeting, and the address.</summary>
public sealed record Interviewer(string Name, string FirstName, string Email);

/// <summary>Who interviewed the owner and for what: the interviewers, and the company and role when stated.</summary>
public sealed record InterviewParties(IReadOnlyList<Interviewer> Interviewers, string? Company, string? Role);
