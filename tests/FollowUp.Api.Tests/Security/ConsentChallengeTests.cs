using System.Net;
using System.Text;
using FollowUp.Api.Tests.Infrastructure;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

namespace FollowUp.Api.Tests.Security;

public class ConsentChallengeTests
{
    [Fact]
    public async Task Consent_needed_for_graph_becomes_an_interaction_required_challenge()
    {
        await using var idp = await TestOpenIdProvider.StartAsync();
        var failure = new MsalUiRequiredException("invalid_grant", "AADSTS65001: The user has not consented.");
        await using var app = idp.Configure(new FollowUpApiFactory(), () => TestOpenIdProvider.FakeHeaders(failure));
        var response = await app.CreateClient().WithToken(idp.Token()).GetAsync("/api/interviews");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.StartsWith("Bearer", challenge);
        Assert.Contains("error=\"interaction_required\"", challenge);
        Assert.Contains("scope=\"https://graph.microsoft.com/Calendars.Read\"", challenge);
        Assert.DoesNotContain("claims=", challenge);
        Assert.Equal("interaction_required", (string?)(await response.ReadJsonAsync())["error"]);
    }

    [Fact]
    public async Task A_claims_challenge_is_passed_to_the_pane_base64_encoded()
    {
        await using var idp = await TestOpenIdProvider.StartAsync();
        const string claims = """{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""";
        var msal = new MsalUiRequiredException("invalid_grant", "AADSTS50076: MFA required.",
            new MsalServiceException("invalid_grant", "AADSTS50076", 400, claims, null));
        var failure = new MicrosoftIdentityWebChallengeUserException(msal, ["https://graph.microsoft.com/Calendars.Read"]);
        await using var app = idp.Configure(new FollowUpApiFactory(), () => TestOpenIdProvider.FakeHeaders(failure));
        var response = await app.CreateClient().WithToken(idp.Token()).GetAsync("/api/followups/due");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("error=\"insufficient_claims\"", challenge);
        Assert.Contains($"claims=\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(claims))}\"", challenge);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(claims, Encoding.UTF8.GetString(Convert.FromBase64String((string)problem["claims"]!)));
    }
}
