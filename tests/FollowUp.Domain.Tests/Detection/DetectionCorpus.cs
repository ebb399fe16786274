using System.Text.Json;
using FollowUp.Domain.Calendar;

namespace FollowUp.Domain.Tests.Detection;

/// <summary>The labelled calendar events in Data/detection-corpus.json, turned into domain events.</summary>
public static class DetectionCorpus
{
    public sealed record Case(string Id, bool Expected, IReadOnlyList<string> ExpectedInterviewers, string? ExpectedKind, CalendarEvent Event, MailboxOwner Owner);

    private sealed record Doc(Person Owner, List<Item> Events);
    private sealed record Person(string Name, string Address);
    private sealed record Participant(string Name, string Address, string Type, string Response);
    private sealed record Item(
        string Id, bool Expected, List<string> ExpectedInterviewers, string Subject, string Body, Person Organizer, List<Participant> Attendees,
        Person? Owner, bool IsOrganizer, bool IsCancelled, bool IsAllDay, string? UserResponse, string? ShowAs, string? Type, string? Kind, DateTimeOffset Start);

    private static readonly Lazy<IReadOnlyList<Case>> Cases = new(Load);

    public static IReadOnlyList<Case> All => Cases.Value;

    public static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

    private static IReadOnlyList<Case> Load()
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var doc = JsonSerializer.Deserialize<Doc>(File.ReadAllText(DataPath("detection-corpus.json")), options)!;
        return doc.Events.Select(i =>
        {
            var owner = i.Owner ?? doc.Owner;
            var ev = new CalendarEvent
            {
                Id = i.Id,
                Subject = i.Subject,
                BodyText = i.Body,
                Start = i.Start,
                End = i.Start.AddHours(1),
                IsAllDay = i.IsAllDay,
                IsCancelled = i.IsCancelled,
                IsOrganizer = i.IsOrganizer,
                UserResponse = Enum.Parse<ResponseKind>(i.UserResponse ?? "Accepted"),
                Organizer = new EmailAddress(i.Organizer.Name, i.Organizer.Address),
                Attendees = i.Attendees.Select(a => new Attendee(new EmailAddress(a.Name, a.Address), Enum.Parse<AttendeeType>(a.Type), Enum.Parse<ResponseKind>(a.Response))).ToList(),
                ShowAs = i.ShowAs ?? "busy",
                Type = i.Type ?? "singleInstance",
            };
            return new Case(i.Id, i.Expected, i.ExpectedInterviewers, i.Kind, ev, new MailboxOwner(owner.Name, owner.Address));
        }).ToList();
    }
}
