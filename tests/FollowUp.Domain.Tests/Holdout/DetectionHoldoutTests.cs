using System.Text.Json;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;
using FollowUp.Domain.Interviewers;
using Xunit.Abstractions;

namespace FollowUp.Domain.Tests.Holdout;

/// <summary>
/// Detection and whom-to-thank on calendars written blind to the detector's keyword lists
/// (see Data/detection-holdout.README.md for the labelling rules).
/// </summary>
public class DetectionHoldoutTests(ITestOutputHelper output)
{
    private sealed record Party(string Name, string Address);
    private sealed record Guest(string Name, string Address, string Type);
    private sealed record Expected(bool IsInterview, string[] Interviewers);
    private sealed record Labelled(
        string Id, string Subject, string BodyText, string Location, DateTimeOffset Start, DateTimeOffset End,
        bool IsCancelled, bool IsOrganizer, string UserResponse, Party Organizer, Guest[] Attendees, Party Owner, Expected Expected);

    private static readonly Labelled[] Corpus = JsonSerializer.Deserialize<Labelled[]>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "detection-holdout.json")),
        new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

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
    public void Holdout_file_is_well_formed()
    {
        Assert.True(Corpus.Length >= 120, $"{Corpus.Length} events");
        Assert.Equal(Corpus.Length, Corpus.Select(l => l.Id).Distinct().Count());
        double positives = Corpus.Count(l => l.Expected.IsInterview) / (double)Corpus.Length;
        Assert.InRange(positives, 0.5, 0.6);
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
    }

    [Fact]
    public void Interviews_on_unseen_calendars_are_found_with_few_false_alarms()
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
    public void Whom_to_thank_on_unseen_interviews_matches_the_people_who_interviewed()
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
}
