using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FollowUp.Pane.Tests;

public sealed class ManifestTests
{
    const string Origin = "https://localhost:5001";
    static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

    static string RepoRoot { get; } = FindRepoRoot();
    static string ManifestDir => Path.Combine(RepoRoot, "addin-manifest");
    static string PaneDir => Path.Combine(RepoRoot, "backend", "FollowUp.Api", "Pane");

    static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "addin-manifest"))) return dir.FullName;
        throw new DirectoryNotFoundException("addin-manifest/ not found above the test output.");
    }

    /// <summary>shared/ sits beside the repository (CI) or beside the worktrees folder.</summary>
    static string Xsd()
    {
        var candidates = new[] { Path.Combine(RepoRoot, "..", "shared"), Path.Combine(RepoRoot, "..", "..", "shared"), "/work/shared" }
            .Select(d => Path.GetFullPath(Path.Combine(d, "office-addin-xsd", "OfficeAppManifestV1_1.xsd")));
        return candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException("office-addin-xsd/OfficeAppManifestV1_1.xsd not found in shared/.");
    }

    static (int Code, string Output) Run(string file, string arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoRoot,
        };
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), $"{file} {arguments} did not finish.");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    static (int Code, string Output) ValidateXml(string path) => Run("xmllint", $"--noout --schema \"{Xsd()}\" \"{path}\"");

    static (int Code, string Output) ValidateJson(string path) =>
        Run(Path.Combine(PaneDir, "node_modules", ".bin", "office-addin-manifest"), $"validate \"{path}\"", PaneDir);

    [Fact]
    public void Xml_manifest_is_valid_against_the_add_in_schema()
    {
        var (code, output) = ValidateXml(Path.Combine(ManifestDir, "manifest.xml"));
        Assert.True(code == 0, output);
    }

    [Fact]
    public void Xml_manifest_offers_both_buttons_and_single_sign_on()
    {
        var xml = File.ReadAllText(Path.Combine(ManifestDir, "manifest.xml"));
        Assert.Contains("AppointmentAttendeeCommandSurface", xml);
        Assert.Contains("MessageComposeCommandSurface", xml);
        Assert.Contains("DefaultValue=\"Draft thank-you\"", xml);
        Assert.Contains("DefaultValue=\"Insert thank-you\"", xml);
        Assert.Matches(new Regex("<WebApplicationInfo>.*<Scope>access_as_user</Scope>", RegexOptions.Singleline), xml);
        Assert.Matches("<Set Name=\"Mailbox\" MinVersion=\"1.5\"/>", xml);
    }

    [Fact]
    public void Json_manifest_is_valid_for_the_office_validator_and_a_broken_one_is_not()
    {
        var (code, output) = ValidateJson(Path.Combine(ManifestDir, "manifest.json"));
        Assert.True(code == 0 && !output.Contains("not valid", StringComparison.OrdinalIgnoreCase), output);

        // The validator prints nothing for a valid unified manifest, so prove it does reject one.
        var broken = Path.Combine(Path.GetTempPath(), $"broken-manifest-{Guid.NewGuid():N}.json");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(ManifestDir, "manifest.json")).Replace("\"meetingDetailsAttendee\"", "\"nowhere\""));
        try { Assert.NotEqual(0, ValidateJson(broken).Code); }
        finally { File.Delete(broken); }
    }

    [Theory]
    [InlineData("manifest.xml")]
    [InlineData("manifest.json")]
    public void Every_url_in_a_manifest_shares_one_origin(string file)
    {
        var text = File.ReadAllText(Path.Combine(ManifestDir, file));
        var urls = Regex.Matches(text, "https?://[^\"<\\s]+").Select(m => m.Value)
            .Where(u => !u.StartsWith("http://schemas.microsoft.com/", StringComparison.Ordinal)
                && !u.StartsWith("http://www.w3.org/", StringComparison.Ordinal)
                && !u.StartsWith("https://developer.microsoft.com/json-schemas/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.Equal(Origin, new Uri(u).GetLeftPart(UriPartial.Authority)));
        Assert.All(Regex.Matches(text, "api://[^\"<\\s]+").Select(m => m.Value), u => Assert.StartsWith("api://localhost:5001/", u));
    }

    [Fact]
    public void Icons_are_pngs_of_the_sizes_the_manifests_state()
    {
        var xml = XDocument.Load(Path.Combine(ManifestDir, "manifest.xml"));
        var declared = xml.Descendants(Bt + "Image").Where(e => e.Attribute("DefaultValue") is not null)
            .Select(e => e.Attribute("DefaultValue")!.Value).ToList();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(ManifestDir, "manifest.json")));
        var jsonIcons = JsonIcons(json.RootElement).ToList();
        Assert.NotEmpty(jsonIcons);
        foreach (var (url, size) in jsonIcons) Assert.Equal((size, size), PngSize(IconFile(url)));

        foreach (var size in new[] { 16, 32, 64, 80, 128, 192 })
            Assert.Equal((size, size), PngSize(Path.Combine(ManifestDir, "assets", $"icon-{size}.png")));
        Assert.Equal((32, 32), PngSize(Path.Combine(ManifestDir, "assets", "icon-outline-32.png")));
        Assert.All(declared, url => Assert.True(File.Exists(IconFile(url)), url));
        Assert.Equal((64, 64), PngSize(IconFile(xml.Root!.Element(xml.Root.Name.Namespace + "IconUrl")!.Attribute("DefaultValue")!.Value)));
        Assert.Equal((128, 128), PngSize(IconFile(xml.Root.Element(xml.Root.Name.Namespace + "HighResolutionIconUrl")!.Attribute("DefaultValue")!.Value)));
        Assert.Equal((192, 192), PngSize(Path.Combine(ManifestDir, json.RootElement.GetProperty("icons").GetProperty("color").GetString()!)));
    }

    static IEnumerable<(string Url, int Size)> JsonIcons(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("size", out var size) && element.TryGetProperty("url", out var url))
                yield return (url.GetString()!, size.GetInt32());
            foreach (var property in element.EnumerateObject())
                foreach (var icon in JsonIcons(property.Value)) yield return icon;
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                foreach (var icon in JsonIcons(item)) yield return icon;
        }
    }

    static string IconFile(string url) => Path.Combine(ManifestDir, "assets", Path.GetFileName(new Uri(url).AbsolutePath));

    static (int Width, int Height) PngSize(string path) => PngSize(File.ReadAllBytes(path));

    static (int Width, int Height) PngSize(byte[] bytes)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(signature), "not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)),
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public async Task Served_manifests_carry_the_origin_of_the_request()
    {
        var calendar = Path.Combine(Path.GetTempPath(), $"followup-empty-calendar-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(calendar, """{"value":[]}""");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Demo:CalendarFile", calendar);
            web.UseSetting("Storage:SqliteFile", Path.Combine(Path.GetTempPath(), $"followup-manifest-{Guid.NewGuid():N}.db"));
            web.UseSetting("AzureAd:ClientId", "");
        });
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://addin.contoso.test:8443/") });

        var xml = await client.GetStringAsync("/addin/manifest.xml");
        Assert.Contains("https://addin.contoso.test:8443/pane/taskpane.html", xml);
        Assert.Contains("api://addin.contoso.test:8443/", xml);
        Assert.DoesNotContain("localhost:5001", xml);
        var served = Path.Combine(Path.GetTempPath(), $"served-manifest-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(served, xml);
        try { Assert.Equal(0, ValidateXml(served).Code); }
        finally { File.Delete(served); }

        var json = await client.GetStringAsync("/addin/manifest.json");
        using (var parsed = JsonDocument.Parse(json))
            Assert.Equal("https://addin.contoso.test:8443/pane/taskpane.html",
                parsed.RootElement.GetProperty("extensions")[0].GetProperty("runtimes")[0].GetProperty("code").GetProperty("page").GetString());
        Assert.DoesNotContain("localhost:5001", json);

        var icon = await client.GetAsync("/addin/assets/icon-80.png");
        Assert.Equal("image/png", icon.Content.Headers.ContentType?.MediaType);
        Assert.Equal((80, 80), PngSize(await icon.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/addin/assets/..%2Fmanifest.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/addin/assets/manifest.xml")).StatusCode);
    }
}
