using FollowUp.Domain.Calendar;
using Xunit.Abstractions;
using static FollowUp.Domain.Tests.Holdout.Holdouts;

namespace FollowUp.Domain.Tests.Holdout;

/// <summary>
/// The product's figures on calendars and notes it was not written against: interview precision and recall ≥ 0.95,
/// whom-to-thank F1 ≥ 0.9, the main interest in ≥ 85% of notes that name one and nothing in ≥ 90% of notes that name
/// none. Misses are printed.
/// </summary>
public class HoldoutTests(ITestOutputHelper output)
{
    public static TheoryData<string> Calendars => new() { "detection-holdout.json", "detection-holdout2.json", "detection-holdout3.json", "detection-holdout4.json" };
    public static TheoryData<string> NoteSets => new() { "interest-holdout2.json", "interest-holdout3.json", "interest-holdout4.json" };

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Holdout_calendars_are_well_formed(string file)
    {
        var corpus = Load<Labelled>(file);
        Assert.True(corpus.Length >= 120, $"{corpus.Length} events");
        Assert.Equal(corpus.Length, corpus.Select(l => l.Id).Distinct().Count());
        Assert.InRange(corpus.Count(l => l.Expected.IsInterview) / (double)corpus.Length, 0.5, 0.6);
        Assert.True(corpus.Select(l => l.Owner.Address.ToLowerInvariant()).Distinct().Count() >= 10, "too few owners");
        foreach (var l in corpus)
        {
            var e = ToEvent(l);
            var owner = OwnerOf(l);
            Assert.True(e.End > e.Start, $"{l.Id}: ends before it starts");
            Assert.False(string.IsNullOrWhiteSpace(l.Subject), $"{l.Id}: no subject");
            Assert.Equal(l.IsOrganizer, e.UserResponse == ResponseKind.Organizer);
            Assert.Equal(l.IsOrganizer, owner.Is(l.Organizer.Address));
            if (!l.IsOrganizer) Assert.Contains(e.Attendees, a => owner.Is(a.Who.Address));

            var people = Emails(l.Attendees.Where(a => a.Type != "resource").Select(a => a.Address).Append(l.Organizer.Address));
            Assert.Equal(l.Expected.Interviewers.Length, Emails(l.Expected.Interviewers).Count);
            foreach (var email in l.Expected.Interviewers)
            {
                Assert.True(people.Contains(email.ToLowerInvariant()), $"{l.Id}: {email} is neither organizer nor a person attending");
                Assert.False(owner.Is(email), $"{l.Id}: the owner is listed as an interviewer");
            }
            if (!l.Expected.IsInterview) Assert.Empty(l.Expected.Interviewers);
        }
    }

    [Theory]
    [MemberData(nameof(NoteSets))]
    public void Holdout_notes_are_well_formed(string file)
    {
        var notes = Load<Note>(file);
        Assert.True(notes.Length >= 80, $"{notes.Length} notes");
        Assert.InRange(notes.Count(n => n.Expected is not null) / (double)notes.Length, 0.6, 0.8);
        Assert.All(notes, n => Assert.False(string.IsNullOrWhiteSpace(n.Notes)));
        Assert.All(notes.Where(n => n.Expected is not null), n => Assert.Equal(n.Expected!.ToLowerInvariant(), n.Expected));
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Interviews_on_unseen_calendars_are_found_with_few_false_alarms(string file)
    {
        var score = ScoreDetection(Load<Labelled>(file));
        foreach (var miss in score.Misses) output.WriteLine(miss);
        output.WriteLine($"precision {score.Precision:P1} ({score.TruePositives}/{score.TruePositives + score.FalsePositives}), " +
                         $"recall {score.Recall:P1} ({score.TruePositives}/{score.TruePositives + score.FalseNegatives})");
        Assert.True(score.Precision >= 0.95, $"precision {score.Precision:P1}");
        Assert.True(score.Recall >= 0.95, $"recall {score.Recall:P1}");
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Whom_to_thank_on_unseen_interviews_matches_the_people_who_interviewed(string file)
    {
        var score = ScoreWhomToThank(Load<Labelled>(file));
        foreach (var miss in score.Misses) output.WriteLine(miss);
        output.WriteLine($"interviewer micro-F1 {score.F1:P1} (precision {score.Precision:P1}, recall {score.Recall:P1})");
        Assert.True(score.F1 >= 0.9, $"interviewer micro-F1 {score.F1:P1}");
    }

    [Theory]
    [MemberData(nameof(NoteSets))]
    public void Interviewer_interests_in_unseen_notes_are_recalled_and_job_talk_is_left_alone(string file)
    {
        var (accuracy, quiet, misses) = ScoreInterests(Load<Note>(file));
        foreach (var miss in misses) output.WriteLine(miss);
        output.WriteLine($"main-topic accuracy {accuracy:P1}, nothing-found rate {quiet:P1}");
        Assert.True(accuracy >= 0.85, $"main-topic accuracy {accuracy:P1}");
        Assert.True(quiet >= 0.9, $"nothing-found rate {quiet:P1}");
    }
}
