namespace FollowUp.Domain.Calendar;

/// <summary>A name and address as a calendar shows them; either part may be empty or hostile.</summary>
public sealed record EmailAddress(string Name, string Address)
{
    public static readonly EmailAddress None = new("", "");
}

/// <summary>Graph's attendee types: required, optional, resource (rooms, equipment).</summary>
public enum AttendeeType { Required, Optional, Resource }

/// <summary>Graph's responseStatus.response values.</summary>
public enum ResponseKind { None, Organizer, TentativelyAccepted, Accepted, Declined, NotResponded }

public sealed record Attendee(EmailAddress Who, AttendeeType Type = AttendeeType.Required, ResponseKind Response = ResponseKind.None);

/// <summary>
/// One calendar event (an occurrence for recurring series) as the mailbox owner sees it.
/// Built at the Graph edge; the domain reads it and never fetches anything.
/// </summary>
public sealed record CalendarEvent
{
    public required string Id { get; init; }
    public string Subject { get; init; } = "";
    /// <summary>The body as plain text (HTML is turned to text at the edge).</summary>
    public string BodyText { get; init; } = "";
    public string Location { get; init; } = "";
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public bool IsAllDay { get; init; }
    public bool IsCancelled { get; init; }
    /// <summary>True when the mailbox owner organised the event.</summary>
    public bool IsOrganizer { get; init; }
    /// <summary>The mailbox owner's own response (Graph's responseStatus).</summary>
    public ResponseKind UserResponse { get; init; } = ResponseKind.None;
    public EmailAddress Organizer { get; init; } = EmailAddress.None;
    public IReadOnlyList<Attendee> Attendees { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>free, tentative, busy, oof, workingElsewhere, unknown.</summary>
    public string ShowAs { get; init; } = "busy";
    /// <summary>singleInstance, occurrence, exception, seriesMaster.</summary>
    public string Type { get; init; } = "singleInstance";
    public string? SeriesMasterId { get; init; }
    /// <summary>The Windows or IANA time zone the event was created in (Graph's originalStartTimeZone), when known.</summary>
    public string? OriginalTimeZone { get; init; }
    public bool IsOnlineMeeting { get; init; }
}

/// <summary>The person whose calendar this is: the job seeker.</summary>
public sealed record MailboxOwner(string Name, string Address)
{
    public bool Is(string? address) =>
        !string.IsNullOrWhiteSpace(address) && string.Equals(address.Trim(), Address, StringComparison.OrdinalIgnoreCase);
}
