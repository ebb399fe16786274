using System.Collections.Concurrent;
using System.Net;
using FollowUp.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FollowUp.Api.Tests.Security;

public class LogHygieneTests
{
    /// <summary>Every message, exception and scope written at any level by any category.</summary>
    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, string Text)> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);
        public void Dispose() { }

        private sealed class Collector(CollectingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                owner.Entries.Enqueue((category, "scope: " + state));
                return null;
            }
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((category, $"{formatter(state, exception)} {exception}"));
        }
    }

    [Fact]
    public async Task A_whole_session_at_trace_level_logs_no_token_notes_letters_or_addresses()
    {
        var logs = new CollectingLoggerProvider();
        await using var idp = await TestOpenIdProvider.StartAsync();
        await using var app = idp.Configure(new FollowUpApiFactory())
            .With("Logging:LogLevel:Default", "Trace")
            .With("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .With("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace")
            .With("Logging:LogLevel:System.Net.Http.HttpClient", "Trace")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        var token = idp.Token();
        var client = app.CreateClient().WithToken(token);
        const string notes = "She knits on the train; ZEBRA-SECRET-NOTE about her daughter's recital.";

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/interviews?from=2026-11-20T00:00:00Z&to=2026-11-30T00:00:00Z")).StatusCode);
        var draft = await (await client.PostJsonAsync("/api/drafts", new { eventId = "EVT-PANEL", interviewerEmail = "ana.ruiz@fabrikam.com", notes, senderName = "Jordan Rivera" })).ReadJsonAsync();
        await client.PostJsonAsync("/api/drafts", new { eventId = "EVT-PANEL", interviewerEmail = "ben.okafor@fabrikam.com", notes = notes + " (Ben)" });
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutJsonAsync("/api/followups/EVT-PANEL/ana.ruiz@fabrikam.com/status", new { status = "drafted" })).StatusCode);
        await client.PutJsonAsync("/api/followups/EVT-PANEL/chloe.martin@fabrikam.com/status", new { status = "dismissed" });
        await client.PostJsonAsync("/api/interests/extract", new { notes });
        await client.GetAsync("/api/followups/due");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me/data")).StatusCode);
        await client.PostAsync("/api/drafts", new StringContent("{\"notes\":\"" + notes + "\", broken", System.Text.Encoding.UTF8, "application/json"));
        await app.CreateClient().WithToken(token + "x").GetAsync("/api/me/data");
        await client.DeleteAsync("/api/me/data");

        var entries = logs.Entries.ToList();
        Assert.Contains(entries, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var secrets = new[]
        {
            token, token.Split('.')[1], token.Split('.')[2], "ZEBRA-SECRET-NOTE", "recital", (string)draft["htmlBody"]!, (string)draft["textBody"]!,
            "ana.ruiz@fabrikam.com", "ben.okafor@fabrikam.com", "chloe.martin@fabrikam.com", "ana.ruiz%40fabrikam.com", "<masterKey",
        };
        foreach (var secret in secrets)
        {
            var leak = entries.FirstOrDefault(e => e.Text.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak == default, $"'{secret[..Math.Min(24, secret.Length)]}' logged by {leak.Category}: {leak.Text}");
        }
    }
}
