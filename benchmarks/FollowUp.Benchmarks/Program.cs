using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace FollowUp.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        // "--verdicts <data folder> <output>": the detector's verdict snapshot; "--stopwatch [rounds]": a quick timing.
        if (args is ["--verdicts", var data, var output]) { VerdictSnapshot.Write(data, output); return; }
        if (args is ["--stopwatch", ..]) { StopwatchRun.Detection(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30); return; }
        // Short, in-process job: the whole suite finishes in a few minutes on 2 shared cores (no generated project to build).
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("Short");
        var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.JoinSummary);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
    }
}
