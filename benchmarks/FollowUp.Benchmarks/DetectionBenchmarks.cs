using BenchmarkDotNet.Attributes;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;

namespace FollowUp.Benchmarks;

/// <summary>Issue 6 target: detection over 10,000 events in at most 20 ms.</summary>
[MemoryDiagnoser]
public class DetectionBenchmarks
{
    private IReadOnlyList<CalendarEvent> _events = [];

    [GlobalSetup]
    public void Setup() => _events = GeneratedCalendar.Events(10_000, seed: 42);

    [Benchmark(Description = "Detect over 10,000 events")]
    public int Detect10000Events()
    {
        var interviews = 0;
        foreach (var e in _events)
            if (InterviewDetector.Default.Assess(e, GeneratedCalendar.Owner).IsInterview) interviews++;
        return interviews;
    }
}
