using FollowUp.Domain.Calendar;

namespace FollowUp.Domain.Tests.Detection;

/// <summary>Small builders for calendar events in tests.</summary>
internal static class Events
{
    public static readonly MailboxOwner Jordan = new("Jordan Rivera", "jordan.rivera@outlook.com");
    public static readonly MailboxOwner JordanAtWork = new("Jordan Rivera", "jordan.rivera@northwind.com");
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static EmailAddress Mail(string nameAndAddress)
    {
        var open = nameAndAddress.LastIndexOf('<');
        return open < 0 ? new EmailAddress("", nameAndAddress.Trim()) : new EmailAddress(nameAndAddress[..open].Trim(), nameAndAddress[(open + 1)..].TrimEnd('>').Trim());
    }

    public static Attendee Person(string nameAndAddress) => new(Mail(nameAndAddress));
    public static Attendee Room(string nameAndAddress) => new(Mail(nameAndAddress), AttendeeType.Resource);

    /// <summary>An invitation from <paramref name="organizer"/> to the owner and the given attendees.</summary>
    public static CalendarEvent Invite(string subject, string body, string organizer, params Attendee[] attendees) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Subject = subject,
        BodyText = body,
        Start = Noon,
        End = Noon.AddHours(1),
        Organizer = Mail(organizer),
        Attendees = [Person("Jordan Rivera <jordan.rivera@outlook.com>"), .. attendees],
        UserResponse = ResponseKind.Accepted,
    };

    /// <summary>An event the owner made, with nobody else unless given.</summary>
    public static CalendarEvent OwnBlock(string subject, string body = "", params Attendee[] attendees) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Subject = subject,
        BodyText = body,
        Start = Noon,
        End = Noon.AddHours(1),
        IsOrganizer = true,
        Organizer = new EmailAddress("Jordan Rivera", "jordan.rivera@outlook.com"),
        Attendees = attendees,
        UserResponse = ResponseKind.Organizer,
    };
}
