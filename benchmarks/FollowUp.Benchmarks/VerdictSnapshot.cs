using System.Globalization;
using System.Text;
using System.Text.Json;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;

namespace FollowUp.Benchmarks;

/// <summary>
/// Every verdict (interview or not, confidence, reasons, kind) over the generated calendar, the labelled corpora and
/// deterministic variants of them, one line each: a speed change must leave this output byte for byte the same.
/// </summary>
public static class VerdictSnapshot
{
    public static void Write(string dataFolder, string outputPath)
    {
        var sb = new StringBuilder();
        var events = GeneratedCalendar.Events(10_000, seed: 42);
        foreach (var e in events) Line(sb, "gen", e, GeneratedCalendar.Owner);
        var labelled = Labelled(dataFolder);
        foreach (var (e, owner) in labelled) Line(sb, "data", e, owner);
        foreach (var (e, owner) in Variants(labelled, events)) Line(sb, "variant", e, owner);
        File.WriteAllText(outputPath, sb.ToString());
        Console.WriteLine($"{sb.Length} characters, {labelled.Count} labelled events");
    }

    private static void Line(StringBuilder sb, string source, CalendarEvent e, MailboxOwner owner)
    {
        var a = InterviewDetector.Default.Assess(e, owner);
        sb.Append(source).Append(' ').Append(e.Id).Append(" | ").Append(a.IsInterview).Append(" | ")
          .Append(a.Confidence.ToString("R", CultureInfo.InvariantCulture)).Append(" | ").Append(a.Kind ?? "-").Append(" | ")
          .AppendJoin(" ; ", a.Reasons).Append('\n');
    }

    private static List<(CalendarEvent Event, MailboxOwner Owner)> Labelled(string folder)
    {
        var list = new List<(CalendarEvent, MailboxOwner)>();
        using (var corpus = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "detection-corpus.json"))))
        {
            var defaultOwner = Person(Get(corpus.RootElement, "owner"));
            foreach (var i in Get(corpus.RootElement, "events").EnumerateArray())
            {
                var owner = Get(i, "owner") is { ValueKind: JsonValueKind.Object } o ? Person(o) : defaultOwner;
                list.Add((ToEvent(i, "body", "response"), owner));
            }
        }
        foreach (var file in Directory.GetFiles(folder, "detection-holdout*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var i in doc.RootElement.EnumerateArray()) list.Add((ToEvent(i, "bodyText", null), Person(Get(i, "owner"))));
        }
        return list;
    }

    private static CalendarEvent ToEvent(JsonElement i, string bodyName, string? responseName)
    {
        var start = Get(i, "start").GetDateTimeOffset();
        return new CalendarEvent
        {
            Id = Text(i, "id"),
            Subject = Text(i, "subject"),
            BodyText = Text(i, bodyName),
            Location = Text(i, "location"),
            Start = start,
            End = Get(i, "end") is { ValueKind: JsonValueKind.String } end ? end.GetDateTimeOffset() : start.AddHours(1),
            IsAllDay = Flag(i, "isAllDay"),
            IsCancelled = Flag(i, "isCancelled"),
            IsOrganizer = Flag(i, "isOrganizer"),
            UserResponse = Enum.Parse<ResponseKind>(Text(i, "userResponse", "Accepted"), ignoreCase: true),
            Organizer = Person(Get(i, "organizer")) is var o ? new EmailAddress(o.Name, o.Address) : EmailAddress.None,
            Attendees = Get(i, "attendees").EnumerateArray().Select(a => new Attendee(
                new EmailAddress(Text(a, "name"), Text(a, "address")), Enum.Parse<AttendeeType>(Text(a, "type", "Required"), ignoreCase: true),
                responseName is null ? ResponseKind.None : Enum.Parse<ResponseKind>(Text(a, responseName, "None"), ignoreCase: true))).ToList(),
            ShowAs = Text(i, "showAs", "busy"),
            Type = Text(i, "type", "singleInstance"),
        };
    }

    /// <summary>Case, accents, greetings, owners and parts swapped around, so code paths the data rarely reaches are compared too.</summary>
    private static IEnumerable<(CalendarEvent, MailboxOwner)> Variants(List<(CalendarEvent Event, MailboxOwner Owner)> labelled, IReadOnlyList<CalendarEvent> generated)
    {
        var random = new Random(7);
        var greetings = new[] { "Hi {0},\n", "Dear {0}, ", "Hello {0} - ", "Hallo {0},\n", "Bonjour {0},\n", "Hi team,\n", "Hey there, ", "  Good morning {0}!\n", "Hola {0}, " };
        var owners = labelled.Select(l => l.Owner).Distinct().Append(GeneratedCalendar.Owner).Append(new MailboxOwner("", "j_doe-smith@contoso.com"))
            .Append(new MailboxOwner("Müller, Jürgen", "juergen.mueller@fabrikam.com")).Append(new MailboxOwner("Zoë", "zoe@gmail.com")).ToArray();
        var n = 0;
        foreach (var (e, owner) in labelled)
        {
            yield return (e with { Id = $"{e.Id}-upper", Subject = e.Subject.ToUpperInvariant(), BodyText = e.BodyText.ToUpperInvariant() }, owner);
            yield return (e with { Id = $"{e.Id}-accents", Subject = Accent(e.Subject, random), BodyText = Accent(e.BodyText, random) }, owner);
            var first = owner.Name.Split(' ', ',')[0];
            var g = greetings[random.Next(greetings.Length)];
            yield return (e with { Id = $"{e.Id}-greet", BodyText = string.Format(CultureInfo.InvariantCulture, g, random.Next(2) == 0 ? first : "Sam") + e.BodyText }, owner);
            var other = labelled[random.Next(labelled.Count)].Event;
            yield return (e with { Id = $"{e.Id}-mix", BodyText = other.BodyText, Attendees = other.Attendees }, owners[random.Next(owners.Length)]);
            yield return (e with { Id = $"{e.Id}-long", BodyText = string.Concat(Enumerable.Repeat(e.BodyText + "\n", 1 + random.Next(6))) }, owner);
            var gen = generated[n++ % generated.Count];
            yield return (gen with { Id = $"{e.Id}-gen", Subject = e.Subject + " " + gen.Subject }, owners[random.Next(owners.Length)]);
            yield return (e with { Id = $"{e.Id}-name", Subject = $"{e.Subject} ({first})", IsOrganizer = !e.IsOrganizer }, owner);
        }
    }

    private static string Accent(string s, Random random)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (random.Next(6) != 0) continue;
            chars[i] = chars[i] switch { 'e' => 'é', 'a' => 'à', 'o' => 'ö', 'u' => 'ü', 's' => 'ß', 'E' => 'É', '-' => '–', ' ' => '\u00A0', '\'' => '\u2019', _ => chars[i] };
        }
        return new string(chars);
    }

    private static JsonElement Get(JsonElement e, string name)
    {
        foreach (var p in e.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return default;
    }

    private static string Text(JsonElement e, string name, string fallback = "") => Get(e, name) is { ValueKind: JsonValueKind.String } v ? v.GetString()! : fallback;
    private static bool Flag(JsonElement e, string name) => Get(e, name) is { ValueKind: JsonValueKind.True };
    private static MailboxOwner Person(JsonElement e) => e.ValueKind == JsonValueKind.Object ? new(Text(e, "name"), Text(e, "address")) : new("", "");
}
