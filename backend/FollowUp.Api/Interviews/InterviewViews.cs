namespace FollowUp.Api.Interviews;

/// <summary>Someone to thank, and where their letter stands (due, not-ended, none, drafted, sent, dismissed).</summary>
public sealed record InterviewerView(string Name, string FirstName, string Email, string Status);

/// <summary>An interview as the pane and other clients see it. Times are UTC.</summary>
public sealed record InterviewView(
    string EventId,
    string Subject,
    DateTime Start,
    DateTime End,
    string? Company,
    string? Role,
    double Confidence,
    IReadOnlyList<string> Reasons,
    string? Kind,
    string? Location,
    bool IsInterview,
    IReadOnlyList<InterviewerView> Interviewers,
    string FollowUp);

/// <summary>An ended interview with interviewers still owed a letter.</summary>
public sealed record DueFollowUpView(
    string EventId,
    string Subject,
    string? Company,
    string? Role,
    DateTime Start,
    DateTime End,
    double HoursSinceEnd,
    bool Overdue,
    IReadOnlyList<InterviewerView> Interviewers);

/// <summary>An appointment as Outlook shows it to the pane, for events the calendar window does not hold.</summary>
public sealed record AppointmentItem(
    string? EventId,
    string? Subject,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? Location,
    ItemPerson? Organizer,
    IReadOnlyList<ItemAttendee>? Attendees,
    string? Body);

public sealed record ItemPerson(string? Name, string? Email);

/// <summary>type: required, optional or resource.</summary>
public sealed record ItemAttendee(string? Name, string? Email, string? Type);
