using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FollowUp.Pane.Tests;

/// <summary>The real backend in demo mode on a loopback port, a calendar written relative to now, and one Chromium.</summary>
public sealed class PaneHost : IAsyncLifetime
{
    public const string Candidate = "casey@example.com";
    public const string PanelEventId = "AAMkADpanel/interview+1";
    public const string PanelRestId = "AAMkADpanel-interview_1";
    public const string DueEventId = "due-interview-1";
    public const string DismissEventId = "due-interview-2";
    public const string Role = "Senior Data Engineer";

    static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    readonly string _folder = Path.Combine(Path.GetTempPath(), $"followup-pane-{Guid.NewGuid():N}");
    WebApplicationFactory<Program>? _factory;
    IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public DateTimeOffset PanelStart { get; } = DateTimeOffset.UtcNow.AddHours(-4);
    public static string FakeOfficeScript => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "FakeOffice", "office.js"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var calendar = Path.Combine(_folder, "calendar.json");
        await File.WriteAllTextAsync(calendar, CalendarJson().ToJsonString());
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Demo:CalendarFile", calendar);
            web.UseSetting("Storage:SqliteFile", Path.Combine(_folder, "followup.db"));
            web.UseSetting("AzureAd:ClientId", "");
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1").TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ChromiumArgs });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A page whose Office.js is the fake host set up by <paramref name="setup"/> (null: Office.js unreachable).</summary>
    public async Task<IPage> OpenPaneAsync(object? setup, string query = "", ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 380, Height = 900 }, ColorScheme = scheme });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        if (setup is null)
        {
            await page.RouteAsync("https://appsforoffice.microsoft.com/**", route => route.AbortAsync());
        }
        else
        {
            var json = System.Text.Json.JsonSerializer.Serialize(setup);
            await page.AddInitScriptAsync($"window.__officeSetup = {json};");
            var script = FakeOfficeScript;
            await page.RouteAsync("https://appsforoffice.microsoft.com/**",
                route => route.FulfillAsync(new() { Status = 200, ContentType = "text/javascript", Body = script }));
        }
        await page.GotoAsync($"{BaseUrl}/pane/taskpane.html{query}");
        return page;
    }

    static object Person(string name, string email) => new { name, email };

    /// <summary>The panel appointment as Outlook shows it to an attendee (the organizer also among required attendees).</summary>
    public object PanelAppointment(string? subject = null, string? firstName = null, string itemId = PanelEventId, string mailboxVersion = "1.9") => new
    {
        mailboxVersion,
        appointment = new
        {
            itemId,
            subject = subject ?? $"Interview: {Role} at Contoso",
            start = PanelStart.ToString("o"),
            end = PanelStart.AddHours(1).ToString("o"),
            location = "Contoso HQ, Room 4",
            organizer = Person("Rita Recruiter", "rita@contoso.com"),
            required = new[]
            {
                Person("Rita Recruiter", "rita@contoso.com"),
                Person(firstName is null ? "Ada Lovelace" : $"{firstName} Lovelace", "ada@contoso.com"),
                Person("Grace Hopper", "grace@contoso.com"),
                Person("Alan Turing", "alan@contoso.com"),
                Person("Casey Candidate", Candidate),
            },
            optional = Array.Empty<object>(),
        },
    };

    public static object ComposeMessage() => new { compose = new { subject = "", body = "<p></p>" } };

    JsonObject CalendarJson()
    {
        static JsonObject When(DateTimeOffset t) => new() { ["dateTime"] = t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff"), ["timeZone"] = "UTC" };
        static JsonObject Attendee(string name, string email) => new()
        {
            ["type"] = "required",
            ["status"] = new JsonObject { ["response"] = "accepted", ["time"] = "0001-01-01T00:00:00Z" },
            ["emailAddress"] = new JsonObject { ["name"] = name, ["address"] = email },
        };
        JsonObject Event(string id, string subject, DateTimeOffset start, params (string Name, string Email)[] people) => new()
        {
            ["id"] = id,
            ["subject"] = subject,
            ["body"] = new JsonObject { ["contentType"] = "text", ["content"] = $"Panel interview for the {Role} role at Contoso." },
            ["start"] = When(start),
            ["end"] = When(start.AddHours(1)),
            ["originalStartTimeZone"] = "UTC",
            ["location"] = new JsonObject { ["displayName"] = "Contoso HQ, Room 4" },
            ["isAllDay"] = false,
            ["isCancelled"] = false,
            ["isOrganizer"] = false,
            ["showAs"] = "busy",
            ["type"] = "singleInstance",
            ["responseStatus"] = new JsonObject { ["response"] = "accepted", ["time"] = "0001-01-01T00:00:00Z" },
            ["organizer"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Rita Recruiter", ["address"] = "rita@contoso.com" } },
            ["attendees"] = new JsonArray([.. people.Select(p => (JsonNode)Attendee(p.Name, p.Email)), Attendee("Casey Candidate", Candidate)]),
        };
        return new JsonObject
        {
            ["@followup.owner"] = new JsonObject { ["name"] = "Casey Candidate", ["address"] = Candidate },
            ["value"] = new JsonArray(
                Event(PanelRestId, $"Interview: {Role} at Contoso", PanelStart,
                    ("Ada Lovelace", "ada@contoso.com"), ("Grace Hopper", "grace@contoso.com"), ("Alan Turing", "alan@contoso.com")),
                Event(DueEventId, $"Interview: {Role} at Fabrikam", DateTimeOffset.UtcNow.AddHours(-30),
                    ("Margaret Hamilton", "margaret@fabrikam.com"), ("Katherine Johnson", "katherine@fabrikam.com")),
                Event(DismissEventId, $"Interview: {Role} at Northwind", DateTimeOffset.UtcNow.AddHours(-52),
                    ("Barbara Liskov", "barbara@northwind.com"))),
        };
    }
}

[CollectionDefinition(Name)]
public sealed class PaneCollection : ICollectionFixture<PaneHost>
{
    public const string Name = "pane";
}
