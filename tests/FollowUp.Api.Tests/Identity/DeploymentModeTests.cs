using System.Net;
using FollowUp.Api.Tests.Infrastructure;

namespace FollowUp.Api.Tests.Identity;

public class DeploymentModeTests
{
    private static FollowUpApiFactory Configured() => new FollowUpApiFactory()
        .With("AzureAd:Instance", "https://login.microsoftonline.com/")
        .With("AzureAd:TenantId", "11111111-1111-1111-1111-111111111111")
        .With("AzureAd:ClientId", "22222222-2222-2222-2222-222222222222")
        .With("AzureAd:ClientSecret", "not-a-real-secret");

    [Fact]
    public async Task Without_an_azure_ad_app_the_demo_needs_no_sign_in()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        var config = await (await client.GetAsync("/api/config")).ReadJsonAsync();
        Assert.True((bool)config["demo"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/interviews")).StatusCode);
    }

    [Fact]
    public async Task Demo_mode_is_never_active_when_azure_ad_is_configured()
    {
        await using var app = Configured();
        var client = app.CreateClient();
        var config = await (await client.GetAsync("/api/config")).ReadJsonAsync();
        Assert.False((bool)config["demo"]!);
        Assert.Equal("api://22222222-2222-2222-2222-222222222222/access_as_user", (string?)config["apiScope"]);
        foreach (var url in new[] { "/api/interviews", "/api/followups/due", "/api/gifts?interest=knitting" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Health_and_openapi_are_served()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var doc = await (await client.GetAsync("/swagger/v1/swagger.json")).Content.ReadAsStringAsync();
        foreach (var path in new[] { "/api/interviews", "/api/followups/due", "/api/interests/extract", "/api/gifts", "/api/drafts", "/api/followups/{eventId}/{interviewerEmail}/status" })
            Assert.Contains($"\"{path}\"", doc);
        Assert.Contains("\"bearer\"", doc);
        Assert.Contains("She knitted the blanket on her sofa", doc); // request bodies carry worked examples
    }
}
