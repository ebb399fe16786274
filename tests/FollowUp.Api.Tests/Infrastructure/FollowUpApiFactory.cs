using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace FollowUp.Api.Tests.Infrastructure;

/// <summary>
/// The real app, in demo mode unless told otherwise, on its own SQLite file and a clock the test controls.
/// A fresh factory per test (<c>await using</c>).
/// </summary>
public sealed class FollowUpApiFactory : WebApplicationFactory<Program>
{
    /// <summary>Wednesday 25 November 2026, 17:00 UTC: the test calendar's "now".</summary>
    public static readonly DateTimeOffset TestNow = new(2026, 11, 25, 17, 0, 0, TimeSpan.Zero);

    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"followup-test-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _services = [];

    public FakeTimeProvider Clock { get; } = new(TestNow);

    public FollowUpApiFactory(string? calendarFile = "calendar.json", string? sentItemsFile = null)
    {
        _settings["Storage:SqliteFile"] = _dbFile;
        if (calendarFile is not null) _settings["Demo:CalendarFile"] = TestData.Path(calendarFile);
        if (sentItemsFile is not null) _settings["Demo:SentItemsFile"] = TestData.Path(sentItemsFile);
    }

    public FollowUpApiFactory With(string key, string? value) { _settings[key] = value; return this; }

    public FollowUpApiFactory WithServices(Action<IServiceCollection> configure) { _services.Add(configure); return this; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            foreach (var configure in _services) configure(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_dbFile + suffix); } catch (IOException) { }
    }
}

public static class TestData
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Data", name);
}
