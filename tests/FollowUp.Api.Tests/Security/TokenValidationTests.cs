using System.Net;
using FollowUp.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.Tokens;
using System.Security.Cryptography;

namespace FollowUp.Api.Tests.Security;

/// <summary>The real Microsoft.Identity.Web JWT validation against a loopback OpenID provider with real signed tokens.</summary>
public class TokenValidationTests
{
    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal((int)expected, (int?)problem["status"]);
    }

    [Fact]
    public async Task A_valid_token_for_the_api_reaches_the_calendar()
    {
        await using var idp = await TestOpenIdProvider.StartAsync();
        await using var app = idp.Configure(new FollowUpApiFactory());
        var client = app.CreateClient().WithToken(idp.Token());
        var response = await client.GetAsync("/api/interviews");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(idp.MetadataRequests > 0, "the app fetched the provider's metadata");
        // A v1.0 token names the App ID URI instead.
        var appIdUri = app.CreateClient().WithToken(idp.Token(version: "1.0"));
        Assert.Equal(HttpStatusCode.OK, (await appIdUri.GetAsync("/api/interviews")).StatusCode);
    }

    public static TheoryData<string> Spoiled => ["none", "malformed", "alg-none", "foreign-key", "foreign-key-other-kid", "expired", "not-yet-valid",
        "wrong-audience", "wrong-issuer", "other-tenant", "no-scope"];

    [Theory]
    [MemberData(nameof(Spoiled))]
    public async Task Spoiled_tokens_get_401_problem_details(string spoil)
    {
        await using var idp = await TestOpenIdProvider.StartAsync();
        await using var app = idp.Configure(new FollowUpApiFactory());
        var now = DateTime.UtcNow;
        string? token = spoil switch
        {
            "none" => null,
            "malformed" => "not.a.jwt",
            "alg-none" => idp.UnsignedToken(),
            "foreign-key" => idp.Token(key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = TestOpenIdProvider.KeyId }),
            "foreign-key-other-kid" => idp.Token(key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "attacker" }),
            "expired" => idp.Token(notBefore: now.AddHours(-3), expires: now.AddHours(-2)),
            "not-yet-valid" => idp.Token(notBefore: now.AddHours(2), expires: now.AddHours(3)),
            "wrong-audience" => idp.Token(audience: "api://someone-else"),
            "wrong-issuer" => idp.Token(issuer: "https://login.microsoftonline.com/" + TestOpenIdProvider.TenantId + "/v2.0"),
            "other-tenant" => idp.Token(tenant: TestOpenIdProvider.OtherTenantId),
            "no-scope" => idp.Token(scope: null),
            _ => throw new ArgumentOutOfRangeException(nameof(spoil)),
        };
        var client = app.CreateClient();
        if (token is not null) client.WithToken(token);
        foreach (var url in new[] { "/api/interviews", "/api/followups/due", "/api/me/data" })
        {
            var response = await client.GetAsync(url);
            await AssertProblem(response, HttpStatusCode.Unauthorized);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task Tokens_without_the_api_scope_or_without_a_user_are_forbidden_with_problem_details()
    {
        await using var idp = await TestOpenIdProvider.StartAsync();
        await using var app = idp.Configure(new FollowUpApiFactory());
        foreach (var token in new[] { idp.Token(scope: "Mail.Read"), idp.Token(oid: "") })
        {
            var client = app.CreateClient().WithToken(token);
            await AssertProblem(await client.GetAsync("/api/interviews"), HttpStatusCode.Forbidden);
            await AssertProblem(await client.GetAsync("/api/me/data"), HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task When_the_openid_metadata_cannot_be_fetched_callers_get_401_not_500()
    {
        await using var idp = await TestOpenIdProvider.StartAsync();
        idp.Available = false;
        await using var app = idp.Configure(new FollowUpApiFactory());
        var client = app.CreateClient().WithToken(idp.Token());
        await AssertProblem(await client.GetAsync("/api/interviews"), HttpStatusCode.Unauthorized);
        Assert.True(idp.MetadataRequests > 0);
    }

    [Fact]
    public async Task Production_refuses_a_plain_http_authority_at_start_up()
    {
        await using var idp = await TestOpenIdProvider.StartAsync();
        await using var app = idp.Configure(new FollowUpApiFactory());
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var failure = Assert.ThrowsAny<Exception>(() => production.CreateClient());
        Assert.Contains("AzureAd:Instance must be an https URL", failure.ToString());
    }
}
