using System.Net;
using System.Text.Json.Nodes;
using FollowUp.Api.Tests.Infrastructure;

namespace FollowUp.Api.Tests.FollowUps;

/// <summary>POST /api/drafts/check runs the etiquette rules with the panel's other letters.</summary>
public class LifecycleEtiquetteTests
{
    private const string Check = "/api/drafts/check";
    private const string Letter = "<p>Dear Ana, thank you for walking me through the analytics platform today.</p>";

    private static async Task<JsonArray> FindingsAsync(HttpClient client, string email, string html)
    {
        var response = await client.PostJsonAsync(Check, new { eventId = "EVT-PANEL", interviewerEmail = email, subject = "Thank you", htmlBody = html });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())["findings"]!.AsArray();
    }

    [Fact]
    public async Task A_letter_copied_from_another_panelists_letter_gets_more_findings_than_its_own()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        await FindingsAsync(client, "ana.ruiz@fabrikam.com", Letter);
        var own = await FindingsAsync(client, "ben.okafor@fabrikam.com", "<p>Dear Ben, thank you for the deep dive into your streaming pipeline.</p>");
        var copied = await FindingsAsync(client, "ben.okafor@fabrikam.com", Letter);
        Assert.True(copied.Count > own.Count, $"copied: {copied.ToJsonString()}, own: {own.ToJsonString()}");
        Assert.All(copied, f => Assert.False(string.IsNullOrEmpty((string?)f!["code"])));
        Assert.All(copied, f => Assert.False(string.IsNullOrEmpty((string?)f!["message"])));
        Assert.All(copied, f => Assert.Contains((string?)f!["severity"], new[] { "error", "warning", "info", "tip" }));
    }

    [Theory]
    [InlineData("{\"interviewerEmail\":\"ana.ruiz@fabrikam.com\",\"subject\":\"Thanks\",\"htmlBody\":\"<p>x</p>\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"eventId\":\"EVT-PANEL\",\"interviewerEmail\":\"ana.ruiz@fabrikam.com\",\"htmlBody\":\"<p>x</p>\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"eventId\":\"EVT-PANEL\",\"interviewerEmail\":\"ana.ruiz@fabrikam.com\",\"subject\":\"Thanks\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"eventId\":\"NO-SUCH\",\"interviewerEmail\":\"ana.ruiz@fabrikam.com\",\"subject\":\"Thanks\",\"htmlBody\":\"<p>x</p>\"}", HttpStatusCode.NotFound)]
    [InlineData("{\"eventId\":\"EVT-PANEL\",\"interviewerEmail\":\"who@fabrikam.com\",\"subject\":\"Thanks\",\"htmlBody\":\"<p>x</p>\"}", HttpStatusCode.NotFound)]
    public async Task Missing_fields_and_unknown_people_are_refused(string body, HttpStatusCode expected)
    {
        await using var app = new FollowUpApiFactory();
        var response = await app.CreateClient().PostAsync(Check, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_over_32_KB_is_refused()
    {
        await using var app = new FollowUpApiFactory();
        var response = await app.CreateClient().PostJsonAsync(Check, new
        {
            eventId = "EVT-PANEL", interviewerEmail = "ana.ruiz@fabrikam.com", subject = "Thanks", htmlBody = "<p>" + new string('a', 33 * 1024) + "</p>", // over the 32 KB form limit, under the 64 KB request limit
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
