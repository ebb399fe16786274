using System.Globalization;
using System.Text.Json.Nodes;
using FollowUp.Domain.Calendar;

namespace FollowUp.Api.Demo;

/// <summary>
/// The demo mailbox: a calendar (and Sent Items) in Graph's own JSON, held in memory and served by
/// <see cref="DemoGraphHandler"/>. The shipped sample is shifted so its anchor day is today; a file named in
/// configuration is served exactly as written.
/// </summary>
public sealed class SampleMailbox
{
    private static readonly HashSet<string> DateProperties =
        ["dateTime", "sentDateTime", "receivedDateTime", "createdDateTime", "lastModifiedDateTime", "time"];

    private readonly Lock _gate = new();
    private readonly List<JsonObject> _events;
    private readonly List<JsonObject> _messages;

    public MailboxOwner Owner { get; }
    public string Source { get; }

    private SampleMailbox(List<JsonObject> events, List<JsonObject> messages, MailboxOwner owner, string source)
    {
        _events = events;
        _messages = messages;
        Owner = owner;
        Source = source;
    }

    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "Demo", "SampleMailbox");

    /// <summary>Loads the mailbox; <paramref name="calendarFile"/>/<paramref name="sentItemsFile"/> override the shipped sample.</summary>
    public static SampleMailbox Load(string? calendarFile, string? sentItemsFile, TimeProvider clock)
    {
        var shippedCalendar = string.IsNullOrWhiteSpace(calendarFile);
        var calendar = ReadBody(shippedCalendar ? Path.Combine(ShippedFolder, "calendar.json") : calendarFile!);
        var sentPath = string.IsNullOrWhiteSpace(sentItemsFile)
            ? (shippedCalendar ? Path.Combine(ShippedFolder, "sent-items.json") : null)
            : sentItemsFile;
        var sent = sentPath is null ? new JsonObject { ["value"] = new JsonArray() } : ReadBody(sentPath);

        if (shippedCalendar)
        {
            var today = clock.GetUtcNow().UtcDateTime.Date;
            Shift(calendar, today);
            if (string.IsNullOrWhiteSpace(sentItemsFile)) Shift(sent, today);
        }

        var events = Values(calendar);
        var messages = Values(sent);
        var owner = ReadOwner(calendar)
            ?? MailboxOwnerInference.Infer(events.Select(DemoGraphHandler.ToCalendarEvent))
            ?? new MailboxOwner("Demo User", "demo.user@example.com");
        return new SampleMailbox(events, messages, owner, shippedCalendar ? "the shipped sample mailbox" : calendarFile!);
    }

    public IReadOnlyList<JsonObject> Events { get { lock (_gate) return [.. _events]; } }
    public IReadOnlyList<JsonObject> Messages { get { lock (_gate) return [.. _messages]; } }

    public void AddMessage(JsonObject message) { lock (_gate) _messages.Add(message); }

    public bool RemoveMessage(string id)
    {
        lock (_gate) return _messages.RemoveAll(m => (string?)m["id"] == id) > 0;
    }

    public JsonObject? FindMessage(string id)
    {
        lock (_gate) return _messages.FirstOrDefault(m => (string?)m["id"] == id);
    }

    private static JsonObject ReadBody(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Demo mailbox file not found: {path}", path);
        return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path} is not a Graph collection response (a JSON object with 'value').");
    }

    private static List<JsonObject> Values(JsonObject body) =>
        (body["value"] as JsonArray ?? []).OfType<JsonObject>().ToList();

    private static MailboxOwner? ReadOwner(JsonObject body) =>
        body["@followup.owner"] is JsonObject o && (string?)o["address"] is { Length: > 0 } address
            ? new MailboxOwner((string?)o["name"] ?? address, address)
            : null;

    /// <summary>Moves every timestamp by whole days so that the file's anchor day becomes today.</summary>
    private static void Shift(JsonObject body, DateTime today)
    {
        if ((string?)body["@followup.anchor"] is not { } anchorText) return;
        var anchor = DateTimeOffset.Parse(anchorText, CultureInfo.InvariantCulture).UtcDateTime.Date;
        var days = (today - anchor).Days;
        if (days != 0) ShiftNode(body, days);
    }

    private static void ShiftNode(JsonNode? node, int days)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (DateProperties.Contains(key) && value is JsonValue v && v.TryGetValue<string>(out var text)
                        && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dt)
                        && dt.Year > 1)
                    {
                        var shifted = dt.AddDays(days);
                        obj[key] = text.EndsWith('Z')
                            ? shifted.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
                            : shifted.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture);
                    }
                    else ShiftNode(value, days);
                }
                break;
            case JsonArray array:
                foreach (var item in array) ShiftNode(item, days);
                break;
        }
    }
}
