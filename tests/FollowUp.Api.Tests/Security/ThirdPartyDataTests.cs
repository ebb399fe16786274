using System.Net;
using System.Text.Json.Nodes;
using FollowUp.Api.Storage;
using FollowUp.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowUp.Api.Tests.Security;

public class ThirdPartyDataTests
{
    private const string Secret = "Ana knits sweaters at weekends; she called her favourite pattern Biscuit. PRIVATE-MARKER-7731.";

    [Fact]
    public async Task Notes_and_interests_are_encrypted_at_rest_with_keys_kept_in_the_database()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/drafts", new { eventId = "EVT-PANEL", interviewerEmail = "ana.ruiz@fabrikam.com", notes = Secret })).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDb>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM follow_ups";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var raw = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i)) ?? "";
                foreach (var plain in new[] { "PRIVATE-MARKER", "Biscuit", "weekends", "\"topic\"", "\"evidence\"" })
                    Assert.DoesNotContain(plain, raw, StringComparison.OrdinalIgnoreCase);
            }
        }
        Assert.Equal(1, rows);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task Export_returns_everything_stored_decrypted_as_an_attachment_and_erase_removes_it()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        var draft = await (await client.PostJsonAsync("/api/drafts", new { eventId = "EVT-PANEL", interviewerEmail = "ana.ruiz@fabrikam.com", notes = Secret })).ReadJsonAsync();
        await client.PutJsonAsync("/api/followups/EVT-PANEL/ana.ruiz@fabrikam.com/status", new { status = "sent" });

        var export = await client.GetAsync("/api/me/data");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        var data = await export.ReadJsonAsync();
        var item = (JsonObject)data["followUps"]!.AsArray().Single()!;
        Assert.Equal(Secret, (string?)item["notes"]);
        Assert.Equal("sent", (string?)item["status"]);
        Assert.NotEmpty(item["interests"]!.AsArray());
        Assert.Equal(draft["interests"]!.ToJsonString(), item["interests"]!.ToJsonString());
        Assert.NotNull(item["statusChangedAt"]);
        Assert.NotNull(item["updatedAt"]);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me/data")).StatusCode);
        Assert.Empty((await (await client.GetAsync("/api/me/data")).ReadJsonAsync())["followUps"]!.AsArray());
    }

    [Fact]
    public async Task Records_untouched_for_the_retention_period_are_purged_and_fresh_ones_kept()
    {
        await using var app = new FollowUpApiFactory().With("Retention:Days", "180");
        var client = app.CreateClient();
        await client.PostJsonAsync("/api/drafts", new { eventId = "EVT-PANEL", interviewerEmail = "ana.ruiz@fabrikam.com", notes = Secret });
        app.Clock.Advance(TimeSpan.FromDays(100));
        await client.PutJsonAsync("/api/followups/EVT-PANEL/ben.okafor@fabrikam.com/status", new { status = "dismissed" });
        var retention = app.Services.GetServices<IHostedService>().OfType<RetentionService>().Single();

        app.Clock.Advance(TimeSpan.FromDays(79));
        Assert.Equal(0, await retention.PurgeAsync(CancellationToken.None));
        Assert.Equal(2, (await (await client.GetAsync("/api/me/data")).ReadJsonAsync())["followUps"]!.AsArray().Count);
        // Advancing the clock also wakes the service's own timer, which may purge first.
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.InRange(await retention.PurgeAsync(CancellationToken.None), 0, 1);

        var left = (await (await client.GetAsync("/api/me/data")).ReadJsonAsync())["followUps"]!.AsArray();
        Assert.Equal("ben.okafor@fabrikam.com", (string?)Assert.Single(left)!["interviewerEmail"]);
    }
}
