using System.Text;
using FollowUp.Domain.Calendar;

namespace FollowUp.Benchmarks;

/// <summary>A deterministic, realistic mix of a job seeker's calendar: interviews of many shapes among ordinary meetings.</summary>
public static class GeneratedCalendar
{
    public static readonly MailboxOwner Owner = new("Alex Doe", "alex.doe@outlook.com");

    private static readonly string[] InterviewSubjects =
    [
        "Interview: Senior Data Engineer — Contoso", "Contoso | Technical interview with Priya", "Phone screen - Fabrikam",
        "Onsite loop (4 rounds) – Northwind Traders", "Final round: Hiring manager chat", "Recruiter call re: Product Designer role",
        "Coding interview (CoderPad)", "Panel interview for Staff SRE", "Entretien d'embauche - Développeur backend",
        "Vorstellungsgespräch Softwareentwickler", "Culture fit conversation with the team", "System design session — Woodgrove Bank",
        "Alex / Tom — intro call about the analyst opening", "Take-home review with engineering", "Bar raiser interview",
    ];

    private static readonly string[] OtherSubjects =
    [
        "Weekly 1:1", "Daily stand-up", "Dentist", "Sprint planning", "Lunch with Sam", "Yoga class", "Interview prep with my mentor",
        "Mock interview practice (with friend)", "Team retro", "Flight to Lisbon", "Parent–teacher meeting", "Gym", "Book club",
        "Quarterly business review", "Coffee chat", "Doctor appointment", "Interviewing candidates: backend role (I am the interviewer)",
        "Webinar: Kubernetes best practices", "Car service", "Birthday party", "Focus time", "Tax advisor", "Podcast recording",
        "All hands", "Job fair at the convention center", "Career coaching session",
    ];

    private static readonly string[] Bodies =
    [
        "",
        "Hi Alex, thanks for your interest in the role. This conversation will last 45 minutes with two members of the team. Please be ready to discuss your past projects.",
        "Agenda: status updates, blockers, next steps.",
        "________________________________________________________________________________\nMicrosoft Teams meeting\nJoin on your computer, mobile app or room device\nClick here to join the meeting\nMeeting ID: 123 456 789 012\nPasscode: abc123\nDownload Teams | Join on the web\nLearn More | Meeting options\n________________________________________________________________________________",
        "Please bring a photo ID and arrive 10 minutes early. Parking is available at the rear of the building.",
        "We're excited to move you forward in our hiring process for the Senior Data Engineer position. You'll meet the hiring manager and a senior engineer; expect a short coding exercise.",
        "Reminder: practice behavioural questions using the STAR method before the real thing next week.",
        "Notes from last time: finish the migration doc, review the on-call rota, send the budget to finance.",
    ];

    private static readonly string[] FirstNames = ["Priya", "Tom", "Ana", "Jordan", "Wei", "Fatima", "Lars", "Chloé", "Kenji", "María", "Olu", "Sam"];
    private static readonly string[] LastNames = ["Raman", "Becker", "Lima", "Smith", "Zhang", "Haddad", "Nilsson", "Martin", "Sato", "García", "Adeyemi", "Lee"];
    private static readonly string[] Domains = ["contoso.com", "fabrikam.com", "northwindtraders.com", "woodgrovebank.com", "gmail.com", "greenhouse.io"];
    private static readonly string[] Locations = ["", "Microsoft Teams Meeting", "Zoom", "Building 4, Room 210", "Contoso HQ, 1 Main St", "Phone", "Conf Room Rainier"];

    /// <summary>About one event in six is an interview of some shape; the rest are ordinary meetings, personal events and look-alikes.</summary>
    public static IReadOnlyList<CalendarEvent> Events(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
        var events = new List<CalendarEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var interview = random.Next(6) == 0;
            var subject = interview ? Pick(random, InterviewSubjects) : Pick(random, OtherSubjects);
            var begins = start.AddMinutes(30 * random.Next(0, 24 * 2 * 120));
            var organizer = interview ? Person(random) : random.Next(3) == 0 ? new EmailAddress(Owner.Name, Owner.Address) : Person(random);
            var attendees = new List<Attendee> { new(new EmailAddress(Owner.Name, Owner.Address), AttendeeType.Required, ResponseKind.Accepted) };
            var others = random.Next(0, interview ? 5 : 9);
            for (var a = 0; a < others; a++) attendees.Add(new Attendee(Person(random), random.Next(5) == 0 ? AttendeeType.Optional : AttendeeType.Required));
            if (random.Next(4) == 0) attendees.Add(new Attendee(new EmailAddress("Conf Room Rainier", "rainier@contoso.com"), AttendeeType.Resource));
            events.Add(new CalendarEvent
            {
                Id = $"AAMkAD{i:D8}=",
                Subject = subject,
                BodyText = Pick(random, Bodies) + (random.Next(3) == 0 ? "\n" + Pick(random, Bodies) : ""),
                Location = Pick(random, Locations),
                Start = begins,
                End = begins.AddMinutes(random.Next(1, 5) * 15),
                IsAllDay = !interview && random.Next(20) == 0,
                IsCancelled = random.Next(25) == 0,
                IsOrganizer = organizer.Address == Owner.Address,
                UserResponse = organizer.Address == Owner.Address ? ResponseKind.Organizer : (ResponseKind)random.Next(2, 6),
                Organizer = organizer,
                Attendees = attendees,
                Categories = random.Next(10) == 0 ? ["Job search"] : [],
                ShowAs = random.Next(8) == 0 ? "free" : "busy",
                Type = random.Next(5) == 0 ? "occurrence" : "singleInstance",
                OriginalTimeZone = random.Next(2) == 0 ? "Pacific Standard Time" : "Europe/Berlin",
                IsOnlineMeeting = random.Next(2) == 0,
            });
        }
        return events;
    }

    private static readonly string[] NoteSentences =
    [
        "Priya mentioned she runs marathons and is training for Berlin this autumn.",
        "We spent most of the time on the data platform migration and how they shard by tenant.",
        "Tom is an avid rock climber and goes to the Dolomites every summer.",
        "The team does on-call in weekly rotations; pages are rare after the last incident review.",
        "Ana said her weekends are for sourdough baking; she keeps a starter named after a colleague.",
        "They asked about my experience with Kafka, dbt and Airflow, and about testing pipelines.",
        "We joked about the coffee machine on the third floor.",
        "She is allergic to cats, so no cat pictures.",
        "The hiring manager loves astronomy and has a telescope in his garden.",
        "Next steps: a reference check and a final call with the VP of engineering within two weeks.",
    ];

    /// <summary>Interview notes of about <paramref name="length"/> characters, mixing interests, work talk and negations.</summary>
    public static string Note(int length, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(length + 200);
        while (sb.Length < length) sb.Append(Pick(random, NoteSentences)).Append(' ');
        return sb.ToString(0, length);
    }

    private static EmailAddress Person(Random random)
    {
        var first = Pick(random, FirstNames);
        var last = Pick(random, LastNames);
        return new EmailAddress($"{first} {last}", $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@{Pick(random, Domains)}");
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
