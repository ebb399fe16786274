using System.Reflection;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;

namespace FollowUp.Domain.Tests.Detection;

/// <summary>
/// The phrase search reads plain ASCII text sixteen characters at a time when the processor has 256-bit vectors, and one at a time
/// otherwise (or past ASCII): both readings must give every event the same verdict.
/// </summary>
[Collection(nameof(VectorReadingTests))]
public class VectorReadingTests
{
    private static readonly FieldInfo ReadsVectors = typeof(InterviewDetector).Assembly
        .GetType("FollowUp.Domain.Detection.PhraseSet", throwOnError: true)!.GetField("ReadsVectors", BindingFlags.NonPublic | BindingFlags.Static)!;

    [Fact]
    public void Reading_a_character_at_a_time_gives_the_same_verdicts()
    {
        // Words across block edges, text past ASCII in the middle of blocks, tails shorter than a block, phrases after long runs.
        var padding = new[] { "", "x", "abcdefghijklmno", "abcdefghijklmnop ", "—", "Zoë ", "________________" };
        var events = DetectionCorpus.All.SelectMany(c => padding.Select((pad, i) => (Event: c.Event with
        {
            Subject = pad + c.Event.Subject,
            BodyText = i % 2 == 0 ? c.Event.BodyText : pad + "\n" + c.Event.BodyText + " " + pad,
        }, c.Owner))).ToList();
        Assert.True(events.Count > 1_000);

        var original = (bool)ReadsVectors.GetValue(null)!;
        try
        {
            ReadsVectors.SetValue(null, true);
            var withVectors = events.Select(x => Verdict(x.Event, x.Owner)).ToList();
            ReadsVectors.SetValue(null, false);
            var byCharacter = events.Select(x => Verdict(x.Event, x.Owner)).ToList();
            Assert.Equal(withVectors, byCharacter);
            Assert.Contains(withVectors, v => v.StartsWith("True", StringComparison.Ordinal));
            Assert.Contains(withVectors, v => v.StartsWith("False", StringComparison.Ordinal));
        }
        finally
        {
            ReadsVectors.SetValue(null, original);
        }
    }

    private static string Verdict(CalendarEvent e, MailboxOwner owner)
    {
        var a = InterviewDetector.Default.Assess(e, owner);
        return $"{a.IsInterview} {a.Confidence} {a.Kind} {string.Join(" | ", a.Reasons)}";
    }
}
