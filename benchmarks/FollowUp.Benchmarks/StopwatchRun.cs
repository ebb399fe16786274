using System.Diagnostics;
using FollowUp.Domain.Detection;

namespace FollowUp.Benchmarks;

/// <summary>A quick check between BenchmarkDotNet runs: the same call over the same 10,000 events, timed with a stopwatch.</summary>
public static class StopwatchRun
{
    public static void Detection(int rounds)
    {
        var events = GeneratedCalendar.Events(10_000, seed: 42);
        // Built once per process, on the first request that needs it: its rules compile into phrase tables.
        var build = Stopwatch.StartNew();
        _ = InterviewDetector.Default;
        Console.WriteLine($"detector built in {build.Elapsed.TotalMilliseconds:0} ms");
        var best = double.MaxValue;
        var times = new List<double>();
        var cpuTimes = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var pause = GC.GetTotalPauseDuration();
            var collections = GC.CollectionCount(0);
            // Processor time too: on shared cores it tells the detector's own cost apart from waiting for a core.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var interviews = 0;
            foreach (var e in events)
                if (InterviewDetector.Default.Assess(e, GeneratedCalendar.Owner).IsInterview) interviews++;
            watch.Stop();
            cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            times.Add(watch.Elapsed.TotalMilliseconds);
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            if (r == rounds - 1)
                Console.WriteLine($"{interviews} interviews, {allocated / 1024.0 / 1024.0:0.00} MB allocated per round, " +
                                  $"{GC.CollectionCount(0) - collections} gen0 collections pausing {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0.0} ms");
        }
        times.Sort();
        cpuTimes.Sort();
        Console.WriteLine($"best {best:0.00} ms, median {times[times.Count / 2]:0.00} ms over {rounds} rounds; processor time median {cpuTimes[cpuTimes.Count / 2]:0.0} ms");
    }
}
