using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using FollowUp.Api.Security;
using FollowUp.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Api.Tests.Security;

public class BrowserSurfaceTests
{
    private static HttpRequestMessage Preflight(string origin) => new(HttpMethod.Options, "/api/interviews")
    {
        Headers = { { "Origin", origin }, { "Access-Control-Request-Method", "GET" }, { "Access-Control-Request-Headers", "authorization" } },
    };

    [Fact]
    public async Task Cross_origin_calls_are_allowed_only_for_configured_origins()
    {
        await using var closed = new FollowUpApiFactory();
        var none = await closed.CreateClient().SendAsync(Preflight("https://partner.example"));
        Assert.False(none.Headers.Contains("Access-Control-Allow-Origin"));

        await using var open = new FollowUpApiFactory().With("Cors:AllowedOrigins:0", "https://partner.example");
        var client = open.CreateClient();
        var allowed = await client.SendAsync(Preflight("https://partner.example"));
        Assert.Equal("https://partner.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var evil = await client.SendAsync(Preflight("https://evil.example"));
        Assert.False(evil.Headers.Contains("Access-Control-Allow-Origin"));
    }

    /// <summary>Serves an HTML page from the end of the app's pipeline, as the pane's static files are.</summary>
    private sealed class HtmlPage : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => { context.Response.ContentType = "text/html; charset=utf-8"; return context.Response.WriteAsync("<!doctype html><p>pane</p>"); });
        };
    }

    [Fact]
    public async Task Every_response_carries_security_headers_and_html_gets_the_pane_policy()
    {
        await using var app = new FollowUpApiFactory().WithServices(s => s.AddTransient<IStartupFilter, HtmlPage>());
        var client = app.CreateClient();
        foreach (var url in new[] { "/api/interviews", "/healthz", "/api/no-such-route", "/pane/taskpane-test.html", "/swagger/index.html" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.True(response.Headers.Contains("Content-Security-Policy"), url);
        }
        var pane = await client.GetAsync("/pane/taskpane-test.html");
        var csp = pane.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(SecurityHeaders.PanePolicy, csp);
        foreach (var host in new[] { "https://*.office.com", "https://*.office365.com", "https://outlook.live.com", "https://*.cloud.microsoft" })
            Assert.Contains(host, Regex.Match(csp, "frame-ancestors [^;]*").Value);
        Assert.Contains("script-src 'self' https://appsforoffice.microsoft.com", csp);
        Assert.False(pane.Headers.Contains("Strict-Transport-Security"), "no HSTS in Testing");
    }

    [Fact]
    public async Task Production_answers_https_requests_with_hsts()
    {
        await using var app = new FollowUpApiFactory();
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = production.CreateClient(new() { BaseAddress = new Uri("https://followup.example/") });
        var response = await client.GetAsync("/healthz");
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Swagger_ui_keeps_working_under_its_policy()
    {
        await using var app = new FollowUpApiFactory();
        var response = await app.CreateClient().GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.SwaggerPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        // The policy forbids inline scripts: the page must load all of its scripts from files.
        var scripts = Regex.Matches(await response.Content.ReadAsStringAsync(), "<script[^>]*>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains("src=", s.Value));
    }

    [Fact]
    public async Task Each_user_gets_their_own_request_budget_then_429_with_retry_after()
    {
        await using var idp = await TestOpenIdProvider.StartAsync();
        await using var app = idp.Configure(new FollowUpApiFactory()).With("RateLimiting:PerUserPerMinute", "3");
        var alice = app.CreateClient().WithToken(idp.Token(oid: "user-a"));
        var bob = app.CreateClient().WithToken(idp.Token(oid: "user-b"));
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/gifts?interest=knitting")).StatusCode);
        var refused = await alice.GetAsync("/api/gifts?interest=knitting");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retry = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retry);
        Assert.InRange(retry!.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/gifts?interest=knitting")).StatusCode);
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static ByteArrayContent Body(byte[] bytes, string contentType = "application/json")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    [Fact]
    public async Task Oversized_bodies_get_413_problem_details()
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        var big = Encoding.UTF8.GetBytes($$"""{"notes":"{{new string('x', 70 * 1024)}}"}""");
        await AssertProblem(await client.PostAsync("/api/interests/extract", Body(big)), HttpStatusCode.RequestEntityTooLarge);
        // Without a Content-Length (chunked), the limit still holds while the body is read.
        var chunked = new StreamContent(new MemoryStream(big));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/interests/extract") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await AssertProblem(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    public static TheoryData<string, byte[], string> BadBodies => new()
    {
        { "malformed", Encoding.UTF8.GetBytes("""{"notes": "unterminated"""), "application/json" },
        { "too deep", Encoding.UTF8.GetBytes("""{"notes":"x","extra":""" + new string('[', 40) + new string(']', 40) + "}"), "application/json" },
        { "invalid utf-8", [.. Encoding.UTF8.GetBytes("""{"notes":" """), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}")], "application/json" },
        { "wrong content type", Encoding.UTF8.GetBytes("""{"notes":"she knits"}"""), "text/plain" },
        { "form post", Encoding.UTF8.GetBytes("notes=she+knits"), "application/x-www-form-urlencoded" },
        { "not an object", Encoding.UTF8.GetBytes("[1,2,3]"), "application/json" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_json_bodies_get_400_problem_details(string why, byte[] body, string contentType)
    {
        await using var app = new FollowUpApiFactory();
        var client = app.CreateClient();
        foreach (var url in new[] { "/api/interests/extract", "/api/drafts", "/api/interviews/resolve" })
        {
            var response = await client.PostAsync(url, Body(body, contentType));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why} → {url}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Line_breaks_in_the_sender_name_never_reach_the_letter()
    {
        await using var app = new FollowUpApiFactory();
        var response = await app.CreateClient().PostJsonAsync("/api/drafts", new
        {
            eventId = "EVT-PANEL", interviewerEmail = "ana.ruiz@fabrikam.com", notes = "she knits", senderName = "Jordan\r\nBcc: attacker@evil.example",
        });
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest);
        if (response.StatusCode != HttpStatusCode.OK) return;
        var draft = await response.ReadJsonAsync();
        Assert.DoesNotContain('\r', (string)draft["subject"]!);
        Assert.DoesNotContain('\n', (string)draft["subject"]!);
        foreach (var part in new[] { "htmlBody", "textBody", "subject" })
            Assert.DoesNotContain("Jordan\r\nBcc", (string)draft[part]!);
    }
}
