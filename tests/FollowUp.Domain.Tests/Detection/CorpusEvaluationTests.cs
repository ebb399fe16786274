using System.Text;
using FollowUp.Domain.Detection;
using FollowUp.Domain.Interviewers;
using Xunit.Abstractions;

namespace FollowUp.Domain.Tests.Detection;

public class CorpusEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_is_large_and_balanced_enough_to_judge_the_detector()
    {
        var cases = DetectionCorpus.All;
        Assert.True(cases.Count >= 150, $"only {cases.Count} labelled events");
        Assert.True(cases.Count(c => c.Expected) >= 60);
        Assert.True(cases.Count(c => !c.Expected) >= 60);
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        Assert.All(cases.Where(c => c.Expected), c => Assert.NotEmpty(c.ExpectedInterviewers));
    }

    [Fact]
    public void Detector_finds_interviews_with_high_precision_and_recall()
    {
        int tp = 0, fp = 0, fn = 0, kinds = 0, kindsRight = 0;
        var misses = new StringBuilder();
        foreach (var c in DetectionCorpus.All)
        {
            var a = InterviewDetector.Default.Assess(c.Event, c.Owner);
            if (a.IsInterview && c.ExpectedKind is not null) { kinds++; if (a.Kind == c.ExpectedKind) kindsRight++; }
            if (a.IsInterview && c.Expected) tp++;
            else if (a.IsInterview) fp++;
            else if (c.Expected) fn++;
            if (a.IsInterview != c.Expected)
                misses.AppendLine($"{c.Id}: expected {c.Expected}, got {a.IsInterview} ({a.Confidence:0.00}) \"{c.Event.Subject}\" — {string.Join("; ", a.Reasons)}");
        }
        var precision = tp / (double)Math.Max(1, tp + fp);
        var recall = tp / (double)Math.Max(1, tp + fn);
        var f1 = 2 * precision * recall / Math.Max(1e-9, precision + recall);
        output.WriteLine($"precision {precision:0.000} recall {recall:0.000} F1 {f1:0.000} (tp {tp}, fp {fp}, fn {fn}); kind right {kindsRight}/{kinds}");
        Assert.True(kindsRight >= 0.8 * kinds, $"kind right only {kindsRight}/{kinds}");
        output.WriteLine(misses.ToString());
        Assert.True(precision >= 0.97 && recall >= 0.97 && f1 >= 0.97,
            $"precision {precision:0.000} recall {recall:0.000} F1 {f1:0.000}\n{misses}");
    }

    [Fact]
    public void Resolver_finds_whom_to_thank_across_the_corpus()
    {
        int tp = 0, fp = 0, fn = 0;
        var misses = new StringBuilder();
        foreach (var c in DetectionCorpus.All.Where(c => c.Expected))
        {
            var found = InterviewerResolver.Default.Resolve(c.Event, c.Owner).Interviewers
                .Select(i => i.Email.ToLowerInvariant()).ToHashSet();
            var expected = c.ExpectedInterviewers.Select(x => x.ToLowerInvariant()).ToHashSet();
            var hit = found.Intersect(expected).Count();
            tp += hit; fp += found.Count - hit; fn += expected.Count - hit;
            if (!found.SetEquals(expected))
                misses.AppendLine($"{c.Id}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", found)}]");
        }
        var precision = tp / (double)Math.Max(1, tp + fp);
        var recall = tp / (double)Math.Max(1, tp + fn);
        var f1 = 2 * precision * recall / Math.Max(1e-9, precision + recall);
        output.WriteLine($"whom to thank: precision {precision:0.000} recall {recall:0.000} F1 {f1:0.000}");
        output.WriteLine(misses.ToString());
        Assert.True(f1 >= 0.93, $"whom-to-thank F1 {f1:0.000}\n{misses}");
    }
}
