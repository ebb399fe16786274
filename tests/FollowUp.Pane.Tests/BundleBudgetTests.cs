using System.IO.Compression;
using System.Text.RegularExpressions;

namespace FollowUp.Pane.Tests;

public sealed class BundleBudgetTests
{
    const int BudgetBytes = 60 * 1024;

    static string PaneOut()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "backend", "FollowUp.Api", "wwwroot", "pane");
            if (File.Exists(Path.Combine(candidate, "taskpane.js"))) return candidate;
        }
        throw new DirectoryNotFoundException("The built pane (wwwroot/pane/taskpane.js) was not found.");
    }

    /// <summary>The entry script and every chunk it imports statically: what loads before sign-in is needed.</summary>
    static HashSet<string> EagerScripts(string root)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>([Path.Combine(root, "taskpane.js")]);
        while (queue.TryDequeue(out var file))
        {
            if (!seen.Add(Path.GetFullPath(file))) continue;
            var text = File.ReadAllText(file);
            foreach (Match m in Regex.Matches(text, "(?:from|import)\\s*\"(\\./[^\"]+\\.js)\""))
                queue.Enqueue(Path.Combine(Path.GetDirectoryName(file)!, m.Groups[1].Value));
        }
        return seen;
    }

    static long Gzipped(string file)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(File.ReadAllBytes(file));
        return buffer.Length;
    }

    [Fact]
    public void Pane_script_and_styles_stay_within_60_KB_gzipped()
    {
        var root = PaneOut();
        var files = EagerScripts(root).Append(Path.Combine(root, "taskpane.css")).ToList();
        var total = files.Sum(Gzipped);
        Assert.True(total <= BudgetBytes, $"The pane loads {total} bytes gzipped (budget {BudgetBytes}).");
    }

    [Fact]
    public void Msal_loads_only_in_a_chunk_the_pane_imports_on_demand()
    {
        var root = PaneOut();
        var eager = EagerScripts(root);
        var msal = Directory.GetFiles(root, "*.js", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("createNestablePublicClientApplication", StringComparison.Ordinal)
                || File.ReadAllText(f).Contains("msal.js.browser", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(msal);
        Assert.All(msal, f => Assert.DoesNotContain(Path.GetFullPath(f), eager));
        Assert.Matches("import\\(\"\\./signin\\.js\"\\)", File.ReadAllText(Path.Combine(root, "taskpane.js")));
    }
}
