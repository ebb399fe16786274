using System.Net;
using System.Text;
using FollowUp.Api.Extensions;
using FollowUp.Api.Resilience;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Abstractions;

namespace FollowUp.Api.Tests.Resilience;

/// <summary>The pieces of the Graph pipeline on their own, over a scripted transport.</summary>
public class GraphPipelineTests
{
    private static readonly GraphResilienceOptions Fast = new()
    {
        MaxRetryDuration = TimeSpan.FromSeconds(3), MaxRetryAfter = TimeSpan.FromSeconds(1), RetryDelay = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>Answers from a script, one entry per request; an exception entry is thrown instead.</summary>
    private sealed class Script(params object[] steps) : HttpMessageHandler
    {
        public int Calls;
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var step = steps[Math.Min(Interlocked.Increment(ref Calls) - 1, steps.Length - 1)];
            return step switch
            {
                Exception e => Task.FromException<HttpResponseMessage>(e),
                HttpStatusCode code => Task.FromResult(new HttpResponseMessage(code) { Content = new StringContent("{}", Encoding.UTF8, "application/json") }),
                _ => throw new InvalidOperationException(),
            };
        }
    }

    private static Task<HttpResponseMessage> Send(Script script, HttpMethod method) =>
        new HttpMessageInvoker(new GraphRetryHandler(Fast) { InnerHandler = script })
            .SendAsync(new HttpRequestMessage(method, "https://graph.microsoft.com/v1.0/me/messages") { Content = method == HttpMethod.Get ? null : new StringContent("{\"subject\":\"Thank you\"}") }, default);

    [Fact]
    public async Task A_post_that_graph_may_have_done_is_never_repeated()
    {
        foreach (var status in new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout, HttpStatusCode.InternalServerError })
        {
            var script = new Script(status, HttpStatusCode.Created);
            Assert.Equal(status, (await Send(script, HttpMethod.Post)).StatusCode);
            Assert.Equal(1, script.Calls);
        }
        var cut = new Script(new HttpRequestException("connection reset"), HttpStatusCode.Created);
        await Assert.ThrowsAsync<HttpRequestException>(() => Send(cut, HttpMethod.Post));
        Assert.Equal(1, cut.Calls);
    }

    [Fact]
    public async Task A_post_graph_throttled_is_sent_again_with_its_body()
    {
        var script = new Script(HttpStatusCode.TooManyRequests, HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Created, (await Send(script, HttpMethod.Post)).StatusCode);
        Assert.Equal(2, script.Calls);
    }

    [Fact]
    public async Task A_read_cut_off_by_the_network_is_tried_again()
    {
        var script = new Script(new HttpRequestException("connection reset"), new IOException("response ended prematurely"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await Send(script, HttpMethod.Get)).StatusCode);
        Assert.Equal(3, script.Calls);
    }

    [Theory]
    [InlineData("2", 2000)]
    [InlineData("2.128", 2128)]
    [InlineData(" 0 ", 0)]
    [InlineData("Wed, 25 Nov 2026 17:00:03 GMT", 3000)]
    [InlineData("Wed, 25 Nov 2026 16:59:00 GMT", 0)]
    public void Retry_after_is_read_in_every_form_graph_uses(string header, int milliseconds)
    {
        var now = new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RetryAfter.Parse(header, now));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    [InlineData("")]
    public void Nonsense_retry_after_is_ignored(string header) => Assert.Null(RetryAfter.Parse(header, DateTimeOffset.UtcNow));

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/me/calendarView?$skip=10", true)]
    [InlineData("https://GRAPH.microsoft.com/v1.0/me/events/1", true)]
    [InlineData("https://graph.microsoft.com.evil.example/v1.0/me/calendarView", false)]
    [InlineData("http://graph.microsoft.com/v1.0/me/calendarView", false)]
    [InlineData("https://graph.microsoft.com/beta/me/calendarView", false)]
    [InlineData("https://graph.microsoft.com/v1.0evil/me", false)]
    [InlineData("https://evil.example/v1.0/me/calendarView", false)]
    public void Requests_go_to_the_configured_graph_only(string url, bool allowed) =>
        Assert.Equal(allowed, new GraphEndpointGuard(new Uri("https://graph.microsoft.com/v1.0")).Allows(new Uri(url)));

    [Fact]
    public async Task A_mailbox_gets_at_most_its_slots_and_others_are_not_held_up()
    {
        var gate = new MailboxGate(2, new FakeTimeProvider());
        var a1 = await gate.EnterAsync("t/a", default);
        var a2 = await gate.EnterAsync("t/a", default);
        var a3 = gate.EnterAsync("t/a", default);
        await Task.Delay(50);
        Assert.False(a3.IsCompleted);
        using (await gate.EnterAsync("t/b", default)) { } // another mailbox passes
        a1.Dispose();
        (await a3.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        a2.Dispose();
    }

    [Fact]
    public async Task Idle_mailboxes_are_forgotten()
    {
        var clock = new FakeTimeProvider();
        var gate = new MailboxGate(4, clock);
        for (var i = 0; i < 100; i++) (await gate.EnterAsync($"t/{i}", default)).Dispose();
        var busy = await gate.EnterAsync("t/busy", default);
        Assert.Equal(101, gate.Count);
        clock.Advance(MailboxGate.IdleAfter + TimeSpan.FromSeconds(1));
        (await gate.EnterAsync("t/new", default)).Dispose();
        Assert.Equal(2, gate.Count); // the one still inside, and the newcomer
        busy.Dispose();
    }

    [Fact]
    public void The_mailbox_is_the_callers_tenant_and_object_id()
    {
        var context = new DefaultHttpContext { User = new(new System.Security.Claims.ClaimsIdentity([new("tid", "t1"), new("oid", "o1")], "test")) };
        Assert.Equal("t1/o1", MailboxConcurrencyHandler.MailboxOf(context));
        Assert.Equal("(app)", MailboxConcurrencyHandler.MailboxOf(null));
    }

    [Fact]
    public void Retries_exhausted_in_the_sdk_are_a_503_not_a_500()
    {
        var wrapped = new AggregateException(new ApiException("throttled") { ResponseStatusCode = 429 });
        var failure = GraphFailureHandler.Classify(wrapped);
        Assert.NotNull(failure);
        Assert.Equal(503, failure.Status);
        Assert.NotNull(failure.RetryAfter);
        Assert.Null(GraphFailureHandler.Classify(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void A_refused_on_behalf_of_token_asks_the_pane_to_sign_in_again_with_the_claims()
    {
        const string claims = "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}";
        var msal = new Microsoft.Identity.Client.MsalUiRequiredException("invalid_grant", "AADSTS50076: MFA required");
        typeof(Microsoft.Identity.Client.MsalServiceException).GetProperty("Claims")!.SetValue(msal, claims); // MSAL sets it from the token endpoint's answer
        var refused = new Microsoft.Identity.Web.MicrosoftIdentityWebChallengeUserException(msal, ["https://graph.microsoft.com/Calendars.Read"]);
        var failure = GraphFailureHandler.Classify(refused);
        Assert.NotNull(failure);
        Assert.Equal(401, failure.Status);
        Assert.Contains($"claims=\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(claims))}\"", failure.Challenge);
    }

    [Fact]
    public void The_sdk_retry_handler_is_replaced_by_ours()
    {
        var http = GraphPipeline.Create(new Uri("https://graph.microsoft.com/v1.0"), Fast, new MailboxGate(4, TimeProvider.System),
            new HttpContextAccessor(), new Script(HttpStatusCode.OK));
        Assert.Equal(Fast.Timeout, http.Timeout);
        var handlers = new List<HttpMessageHandler>();
        var field = typeof(HttpMessageInvoker).GetField("_handler", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        for (var h = (HttpMessageHandler?)field.GetValue(http); h is not null; h = (h as DelegatingHandler)?.InnerHandler) handlers.Add(h);
        Assert.DoesNotContain(handlers, h => h is Microsoft.Kiota.Http.HttpClientLibrary.Middleware.RetryHandler);
        Assert.Single(handlers.OfType<GraphRetryHandler>());
        Assert.IsType<MailboxConcurrencyHandler>(handlers[^2]);
    }
}
