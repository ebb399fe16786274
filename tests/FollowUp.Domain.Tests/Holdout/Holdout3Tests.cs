using System.Text.Json;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;
using FollowUp.Domain.Interests;
using FollowUp.Domain.Interviewers;
using Xunit.Abstractions;

namespace FollowUp.Domain.Tests.Holdout;

/// <summary>
/// A third blind holdout (invites as real senders write them: big tech loops, banks, hospitals, schools, startups,
/// agencies, the public sector, six European languages; see Data/detection-holdout3.README.md) for detection,
/// whom to thank, and the interviewer's interest in the user's notes.
/// </summary>
public class Holdout3Tests(ITestOutputHelper output)
{
    private sealed record Party(string Name, string Address);
    private sealed record Guest(string Name, string Address, string Type);
    private sealed record Expected(bool IsInterview, string[] Interviewers);
    private sealed record Labelled(
        string Id, string Subject, string BodyText, string Location, DateTimeOffset Start, DateTimeOffset End,
        bool IsCancelled, bool IsOrganizer, string UserResponse, Party Organizer, Guest[] Attendees, Party Owner, Expected Expected);
    private sealed record Note(string Notes, string? Expected);

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static T[] Load<T>(string file) =>
        JsonSerializer.Deserialize<T[]>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", file)), Json)!;

    private static readonly Labelled[] Corpus = Load<Labelled>("detection-holdout3.json");
    private static readonly Note[] Notes = Load<Note>("interest-holdout3.json");

    private static T Parse<T>(string value) where T : struct, Enum => Enum.Parse<T>(value, ignoreCase: true);

    private static CalendarEvent ToEvent(Labelled l) => new()
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

    private static MailboxOwner OwnerOf(Labelled l) => new(l.Owner.Name, l.Owner.Address);

    private static HashSet<string> Emails(IEnumerable<string> addresses) =>
        addresses.Select(a => a.Trim().ToLowerInvariant()).ToHashSet();

    [Fact]
    public void Third_holdout_files_are_well_formed()
    {
        Assert.True(Corpus.Length >= 130, $"{Corpus.Length} events");
        Assert.Equal(Corpus.Length, Corpus.Select(l => l.Id).Distinct().Count());
        Assert.InRange(Corpus.Count(l => l.Expected.IsInterview) / (double)Corpus.Length, 0.5, 0.6);
        Assert.True(Corpus.Select(l => l.Owner.Address.ToLowerInvariant()).Distinct().Count() >= 10, "too few owners");

        foreach (var l in Corpus)
        {
            var e = ToEvent(l);
            Assert.True(e.End > e.Start, $"{l.Id}: ends before it starts");
            Assert.False(string.IsNullOrWhiteSpace(l.Subject), $"{l.Id}: no subject");
            Assert.Equal(l.IsOrganizer, e.UserResponse == ResponseKind.Organizer);
            Assert.Equal(l.IsOrganizer, OwnerOf(l).Is(l.Organizer.Address));
            if (!l.IsOrganizer)
                Assert.Contains(e.Attendees, a => OwnerOf(l).Is(a.Who.Address));

            var people = Emails(l.Attendees.Where(a => a.Type != "resource").Select(a => a.Address).Append(l.Organizer.Address));
            var expected = l.Expected.Interviewers;
            Assert.Equal(expected.Length, Emails(expected).Count);
            foreach (var email in expected)
            {
                Assert.True(people.Contains(email.ToLowerInvariant()), $"{l.Id}: {email} is neither organizer nor a person attending");
                Assert.False(OwnerOf(l).Is(email), $"{l.Id}: the owner is listed as an interviewer");
            }
            if (!l.Expected.IsInterview)
                Assert.Empty(expected);
        }

        Assert.True(Notes.Length >= 80, $"{Notes.Length} notes");
        Assert.InRange(Notes.Count(n => n.Expected is not null) / (double)Notes.Length, 0.6, 0.8);
        Assert.All(Notes, n => Assert.False(string.IsNullOrWhiteSpace(n.Notes)));
        Assert.All(Notes.Where(n => n.Expected is not null), n => Assert.Equal(n.Expected!.ToLowerInvariant(), n.Expected));
    }

    [Fact]
    public void Interviews_as_real_invites_phrase_them_are_found_with_few_false_alarms()
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var l in Corpus)
        {
            var verdict = InterviewDetector.Default.Assess(ToEvent(l), OwnerOf(l));
            if (verdict.IsInterview == l.Expected.IsInterview)
            {
                if (verdict.IsInterview) truePositives++;
                continue;
            }
            if (verdict.IsInterview) falsePositives++; else falseNegatives++;
            output.WriteLine($"{(verdict.IsInterview ? "FALSE ALARM" : "MISSED")} {l.Id} ({l.Owner.Address}) \"{l.Subject}\" " +
                             $"confidence {verdict.Confidence:0.00}, kind {verdict.Kind ?? "-"}, reasons [{string.Join("; ", verdict.Reasons)}]");
        }
        double precision = truePositives / (double)Math.Max(1, truePositives + falsePositives);
        double recall = truePositives / (double)Math.Max(1, truePositives + falseNegatives);
        output.WriteLine($"precision {precision:P1} ({truePositives}/{truePositives + falsePositives}), recall {recall:P1} ({truePositives}/{truePositives + falseNegatives})");
        Assert.True(precision >= 0.95, $"precision {precision:P1}");
        Assert.True(recall >= 0.95, $"recall {recall:P1}");
    }

    [Fact]
    public void Whom_to_thank_in_real_invites_matches_the_people_who_interviewed()
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var l in Corpus.Where(l => l.Expected.IsInterview))
        {
            var found = Emails(InterviewerResolver.Default.Resolve(ToEvent(l), OwnerOf(l)).Interviewers.Select(i => i.Email));
            var expected = Emails(l.Expected.Interviewers);
            var extra = found.Except(expected).ToList();
            var missing = expected.Except(found).ToList();
            truePositives += found.Intersect(expected).Count();
            falsePositives += extra.Count;
            falseNegatives += missing.Count;
            if (extra.Count + missing.Count > 0)
                output.WriteLine($"{l.Id} \"{l.Subject}\": extra [{string.Join(", ", extra)}] missing [{string.Join(", ", missing)}]");
        }
        double precision = truePositives / (double)Math.Max(1, truePositives + falsePositives);
        double recall = truePositives / (double)Math.Max(1, truePositives + falseNegatives);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        output.WriteLine($"interviewer micro-F1 {f1:P1} (precision {precision:P1}, recall {recall:P1}; tp {truePositives}, fp {falsePositives}, fn {falseNegatives})");
        Assert.True(f1 >= 0.9, $"interviewer micro-F1 {f1:P1}");
    }

    [Fact]
    public void Interviewer_interests_in_third_holdout_notes_are_recalled_and_job_talk_is_left_alone()
    {
        int withTopic = 0, rightTopic = 0, withoutTopic = 0, nothingFound = 0;
        for (int i = 0; i < Notes.Length; i++)
        {
            var note = Notes[i];
            // Only the note's index is printed: notes are the user's private words.
            string? found = InterestExtractor.Default.Extract(note.Notes).FirstOrDefault()?.Topic;
            if (note.Expected is null)
            {
                withoutTopic++;
                if (found is null) nothingFound++;
                else output.WriteLine($"FALSE INTEREST note #{i}: found '{found}', expected none");
            }
            else
            {
                withTopic++;
                if (found == note.Expected) rightTopic++;
                else output.WriteLine($"WRONG/MISSED note #{i}: found '{found ?? "-"}', expected '{note.Expected}'");
            }
        }
        double accuracy = rightTopic / (double)Math.Max(1, withTopic);
        double quiet = nothingFound / (double)Math.Max(1, withoutTopic);
        output.WriteLine($"main-topic accuracy {accuracy:P1} ({rightTopic}/{withTopic}), nothing-found rate {quiet:P1} ({nothingFound}/{withoutTopic})");
        Assert.True(accuracy >= 0.85, $"main-topic accuracy {accuracy:P1}");
        Assert.True(quiet >= 0.9, $"nothing-found rate {quiet:P1}");
    }
}
