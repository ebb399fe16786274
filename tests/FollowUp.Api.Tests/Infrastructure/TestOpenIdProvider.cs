using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using FollowUp.Api.Demo;
using FollowUp.Api.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Identity.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Moq;

namespace FollowUp.Api.Tests.Infrastructure;

/// <summary>
/// A stand-in Entra ID over loopback http: OpenID metadata and JWKS for one tenant, RSA keys made here, and real
/// signed access tokens, so the app's REAL JWT validation (Microsoft.Identity.Web) runs in tests.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string TenantId = "11111111-1111-1111-1111-111111111111";
    public const string OtherTenantId = "99999999-9999-9999-9999-999999999999";
    public const string ClientId = "22222222-2222-2222-2222-222222222222";
    public const string KeyId = "test-signing-key";

    private readonly WebApplication _server;

    public RsaSecurityKey SigningKey { get; } = new(RSA.Create(2048)) { KeyId = KeyId };
    public string BaseUrl { get; }
    /// <summary>False: metadata and keys answer 503, as when Entra ID cannot be reached.</summary>
    public bool Available { get; set; } = true;
    public int MetadataRequests;

    public string Issuer(string tenant = TenantId) => $"{BaseUrl}/{tenant}/v2.0";

    private TestOpenIdProvider(WebApplication server, string baseUrl)
    {
        _server = server;
        BaseUrl = baseUrl;
    }

    public static async Task<TestOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TestOpenIdProvider? provider = null;
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) =>
        {
            Interlocked.Increment(ref provider!.MetadataRequests);
            if (!provider.Available) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = provider.Issuer(tenant),
                ["authorization_endpoint"] = $"{provider.BaseUrl}/{tenant}/oauth2/v2.0/authorize",
                ["token_endpoint"] = $"{provider.BaseUrl}/{tenant}/oauth2/v2.0/token",
                ["jwks_uri"] = $"{provider.BaseUrl}/{tenant}/discovery/v2.0/keys",
                ["response_types_supported"] = new[] { "code", "id_token", "token" },
                ["subject_types_supported"] = new[] { "pairwise" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet("/{tenant}/discovery/v2.0/keys", (string tenant) =>
        {
            if (!provider!.Available) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            var rsa = provider.SigningKey.Rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(rsa.Modulus), ["e"] = Base64UrlEncoder.Encode(rsa.Exponent),
                    },
                },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider = new TestOpenIdProvider(app, address.TrimEnd('/'));
        return provider;
    }

    /// <summary>A signed access token as Entra ID issues for the API; every part can be spoiled by a test.</summary>
    public string Token(
        string oid = "user-a", string tenant = TenantId, string? scope = "access_as_user", string? audience = null, string? issuer = null,
        DateTime? expires = null, DateTime? notBefore = null, SecurityKey? key = null, string name = "Jordan Rivera",
        string email = "jordan.rivera@outlook.com", string version = "2.0")
    {
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tenant, ["oid"] = oid, ["sub"] = $"sub-{oid}", ["name"] = name, ["preferred_username"] = email, ["ver"] = version,
            ["azp"] = "33333333-3333-3333-3333-333333333333",
        };
        if (scope is not null) claims["scp"] = scope;
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer(tenant),
            // Entra ID v2.0 access tokens name the client id; v1.0 tokens the App ID URI (api://{client-id}).
            Audience = audience ?? (version == "1.0" ? $"api://{ClientId}" : ClientId),
            Claims = claims,
            IssuedAt = (notBefore ?? now.AddMinutes(-5)),
            NotBefore = notBefore ?? now.AddMinutes(-5),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise perfect claims.</summary>
    public string UnsignedToken(string oid = "user-a")
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Part("""{"alg":"none","typ":"JWT"}""") + "." +
            Part($$"""{"iss":"{{Issuer()}}","aud":"{{ClientId}}","tid":"{{TenantId}}","oid":"{{oid}}","scp":"access_as_user","nbf":{{now - 60}},"exp":{{now + 3600}},"ver":"2.0"}""") + ".";
    }

    /// <summary>The app in configured mode against this provider: Graph answers from the test calendar, tokens are fakes.</summary>
    public FollowUpApiFactory Configure(FollowUpApiFactory factory, Func<IAuthorizationHeaderProvider>? headers = null) => factory
        .With("AzureAd:Instance", BaseUrl + "/")
        .With("AzureAd:TenantId", TenantId)
        .With("AzureAd:ClientId", ClientId)
        .With("AzureAd:ClientSecret", "not-a-real-secret")
        .With("Authentication:AllowInsecureAuthority", "true")
        .WithServices(services =>
        {
            services.RemoveAll<GraphTransport>();
            services.AddSingleton(sp =>
            {
                var clock = sp.GetRequiredService<TimeProvider>();
                var mailbox = SampleMailbox.Load(TestData.Path("calendar.json"), null, clock);
                return new GraphTransport(
                    GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: new DemoGraphHandler(mailbox, clock)),
                    new Uri(GraphExtensions.DefaultBaseUrl));
            });
            services.RemoveAll<IAuthorizationHeaderProvider>();
            services.AddSingleton(headers?.Invoke() ?? FakeHeaders());
        });

    public static IAuthorizationHeaderProvider FakeHeaders(Exception? failure = null)
    {
        var mock = new Mock<IAuthorizationHeaderProvider>();
        var setup = mock.Setup(h => h.CreateAuthorizationHeaderForUserAsync(
            It.IsAny<IEnumerable<string>>(), It.IsAny<AuthorizationHeaderProviderOptions?>(), It.IsAny<ClaimsPrincipal?>(), It.IsAny<CancellationToken>()));
        if (failure is null) setup.ReturnsAsync("Bearer test");
        else setup.ThrowsAsync(failure);
        return mock.Object;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
    }
}

public static class BearerClient
{
    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
