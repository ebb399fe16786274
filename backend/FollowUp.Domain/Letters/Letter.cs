using FollowUp.Domain.Gifts;
using FollowUp.Domain.Interests;
using FollowUp.Domain.Interviewers;

namespace FollowUp.Domain.Letters;

/// <summary>Everything a thank-you letter to one interviewer is written from.</summary>
public sealed record LetterInput
{
    public required Interviewer Interviewer { get; init; }
    /// <summary>Everyone on the panel (including <see cref="Interviewer"/>), so members get distinct letters.</summary>
    public IReadOnlyList<Interviewer> Panel { get; init; } = [];
    public string? Company { get; init; }
    public string? Role { get; init; }
    /// <summary>The event id: a stable seed for phrasing choices.</summary>
    public required string EventId { get; init; }
    public required DateTimeOffset InterviewStart { get; init; }
    /// <summary>The time zone the day of the interview is named in (the user's or the event's); UTC when null.</summary>
    public TimeZoneInfo? TimeZone { get; init; }
    public required string SenderName { get; init; }
    public string Notes { get; init; } = "";
    /// <summary>Interests found in the notes, main one first.</summary>
    public IReadOnlyList<InterestMatch> Interests { get; init; } = [];
    /// <summary>How a letter names the main interest to the interviewer ("your knitting"); from interests.json.</summary>
    public string? MainInterestPhrase { get; init; }
    public Gift? Gift { get; init; }
}

/// <summary>A letter ready for a new message: subject, HTML body (under 32 KB) and the same text in plain form.</summary>
public sealed record Letter(string Subject, string HtmlBody, string TextBody);
