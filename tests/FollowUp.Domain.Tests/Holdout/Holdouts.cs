using System.Text.Json;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;
using FollowUp.Domain.Interests;
using FollowUp.Domain.Interviewers;

namespace FollowUp.Domain.Tests.Holdout;

/// <summary>
/// Blind holdouts: calendars and notes labelled by people who never read the detector's or the extractor's rules
/// (labelling rules beside each file in Data/). Each was scored once, blind, before anyone tuned on it.
/// </summary>
public static class Holdouts
{
    public sealed record Party(string Name, string Address);
    public sealed record Guest(string Name, string Address, string Type);
    public sealed record Expected(bool IsInterview, string[] Interviewers);
    public sealed record Labelled(
        string Id, string Subject, string BodyText, string Location, DateTimeOffset Start, DateTimeOffset End,
        bool IsCancelled, bool IsOrganizer, string UserResponse, Party Organizer, Guest[] Attendees, Party Owner, Expected Expected);
    public sealed record Note(string Notes, string? Expected);

    /// <summary>Precision and recall of one judgement over a holdout, with a line per miss.</summary>
    public sealed record Score(int TruePositives, int FalsePositives, int FalseNegatives, IReadOnlyList<string> Misses)
    {
        public double Precision => TruePositives / (double)Math.Max(1, TruePositives + FalsePositives);
        public double Recall => TruePositives / (double)Math.Max(1, TruePositives + FalseNegatives);
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static T[] Load<T>(string file) =>
        JsonSerializer.Deserialize<T[]>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", file)), Json)!;

    private static T Parse<T>(string value) where T : struct, Enum => Enum.Parse<T>(value, ignoreCase: true);

    public static CalendarEvent ToEvent(Labelled l) => new()
    {
        Id = l.Id,
        Subject = l.Subject,
        BodyText = l.BodyText,
        Location = l.Location,
        Start = l.Start,
        End = l.End,
        IsCancelled = l.IsCancelled,
        IsOrganizer = l.IsOrganizer,
        UserResponse = Parse<ResponseKind>(l.UserResponse),
        Organizer = new EmailAddress(l.Organizer.Name, l.Organizer.Address),
        Attendees = l.Attendees.Select(a => new Attendee(new EmailAddress(a.Name, a.Address), Parse<AttendeeType>(a.Type))).ToList(),
        IsOnlineMeeting = l.BodyText.Contains("zoom.us/j/") || l.BodyText.Contains("Microsoft Teams") || l.BodyText.Contains("meet.google.com"),
    };

    public static MailboxOwner OwnerOf(Labelled l) => new(l.Owner.Name, l.Owner.Address);

    public static HashSet<string> Emails(IEnumerable<string> addresses) => addresses.Select(a => a.Trim().ToLowerInvariant()).ToHashSet();

    /// <summary>Is each event an interview where the owner is the candidate?</summary>
    public static Score ScoreDetection(IEnumerable<Labelled> corpus)
    {
        int tp = 0, fp = 0, fn = 0;
        var misses = new List<string>();
        foreach (var l in corpus)
        {
            var verdict = InterviewDetector.Default.Assess(ToEvent(l), OwnerOf(l));
            if (verdict.IsInterview == l.Expected.IsInterview)
            {
                if (verdict.IsInterview) tp++;
                continue;
            }
            if (verdict.IsInterview) fp++; else fn++;
            misses.Add($"{(verdict.IsInterview ? "FALSE ALARM" : "MISSED")} {l.Id} ({l.Owner.Address}) \"{l.Subject}\" " +
                       $"confidence {verdict.Confidence:0.00}, kind {verdict.Kind ?? "-"}, reasons [{string.Join("; ", verdict.Reasons)}]");
        }
        return new Score(tp, fp, fn, misses);
    }

    /// <summary>Micro-averaged over interviewer addresses of the true interviews.</summary>
    public static Score ScoreWhomToThank(IEnumerable<Labelled> corpus)
    {
        int tp = 0, fp = 0, fn = 0;
        var misses = new List<string>();
        foreach (var l in corpus.Where(l => l.Expected.IsInterview))
        {
            var found = Emails(InterviewerResolver.Default.Resolve(ToEvent(l), OwnerOf(l)).Interviewers.Select(i => i.Email));
            var expected = Emails(l.Expected.Interviewers);
            var extra = found.Except(expected).ToList();
            var missing = expected.Except(found).ToList();
            tp += found.Intersect(expected).Count();
            fp += extra.Count;
            fn += missing.Count;
            if (extra.Count + missing.Count > 0)
                misses.Add($"{l.Id} \"{l.Subject}\": extra [{string.Join(", ", extra)}] missing [{string.Join(", ", missing)}]");
        }
        return new Score(tp, fp, fn, misses);
    }

    /// <summary>The main interest of notes that name one, and nothing for notes that name none.</summary>
    public static (double Accuracy, double Quiet, IReadOnlyList<string> Misses) ScoreInterests(IReadOnlyList<Note> notes)
    {
        int withTopic = 0, rightTopic = 0, withoutTopic = 0, nothingFound = 0;
        var misses = new List<string>();
        for (var i = 0; i < notes.Count; i++)
        {
            // Only the note's index is printed: notes stand for the user's private words.
            var found = InterestExtractor.Default.Extract(notes[i].Notes).FirstOrDefault()?.Topic;
            if (notes[i].Expected is null)
            {
                withoutTopic++;
                if (found is null) nothingFound++;
                else misses.Add($"FALSE INTEREST note #{i}: found '{found}', expected none");
            }
            else
            {
                withTopic++;
                if (found == notes[i].Expected) rightTopic++;
                else misses.Add($"WRONG/MISSED note #{i}: found '{found ?? "-"}', expected '{notes[i].Expected}'");
            }
        }
        return (rightTopic / (double)Math.Max(1, withTopic), nothingFound / (double)Math.Max(1, withoutTopic), misses);
    }
}
