using System.Diagnostics;
using System.Globalization;
using System.Net;
using FollowUp.Api.Tests.Infrastructure;

namespace FollowUp.Api.Tests.Resilience;

/// <summary>The API over a real socket to a Graph-compatible server that misbehaves on purpose.</summary>
public class GraphFaultTests
{
    private const string Interviews = "/api/interviews";

    /// <summary>Small budgets so the whole suite stays fast: 3 s of retries, waits capped at 1.5 s, 5 s timeout.</summary>
    private static FollowUpApiFactory Api(FaultyGraphServer graph, string cacheSeconds = "0") => new FollowUpApiFactory()
        .With("Graph:BaseUrl", graph.BaseUrl)
        .With("Graph:MaxRetryDuration", "3")
        .With("Graph:MaxRetryAfter", "1.5")
        .With("Graph:RetryDelay", "0.05")
        .With("Graph:Timeout", "5")
        .With("Graph:CacheSeconds", cacheSeconds);

    private static async Task<(HttpResponseMessage Response, TimeSpan Took)> TimedGet(HttpClient client, string url = Interviews)
    {
        await client.GetAsync("/healthz"); // start-up outside the stopwatch
        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync(url);
        return (response, watch.Elapsed);
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("\"value\"", body);
    }

    private static async Task<int> InterviewCount(HttpClient client) => (await client.GetArrayAsync(Interviews)).Count;

    [Theory]
    [InlineData("1", 0.9)]      // whole seconds
    [InlineData("0.4", 0.35)]   // fractional, as Graph's throttling docs show (the SDK's handler would wait 3 s)
    public async Task A_throttled_read_is_retried_after_the_wait_Graph_asks(string retryAfter, double atLeastSeconds)
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailRequest(1, Fault.Throttled(retryAfter));
        await using var app = Api(graph);
        var (response, took) = await TimedGet(app.CreateClient());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, graph.Requests);
        Assert.InRange(took.TotalSeconds, atLeastSeconds, 2.9);
    }

    [Fact]
    public async Task A_retry_after_given_as_an_http_date_is_honoured()
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailRequest(1, Fault.Throttled(DateTimeOffset.UtcNow.AddSeconds(2).ToString("r", CultureInfo.InvariantCulture)));
        await using var app = Api(graph);
        var (response, took) = await TimedGet(app.CreateClient());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, graph.Requests);
        Assert.InRange(took.TotalSeconds, 0.5, 2.9); // the date has whole seconds; the wait is capped at 1.5 s
    }

    [Fact]
    public async Task Without_retry_after_the_api_backs_off_briefly_and_tries_again()
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailPath("/calendarView", Fault.Throttled(null), times: 2);
        await using var app = Api(graph);
        var (response, took) = await TimedGet(app.CreateClient());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, graph.Requests);
        Assert.True(took < TimeSpan.FromSeconds(2.9), $"took {took}"); // the SDK's handler would wait 3 s per retry
    }

    [Theory]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_passing_outage_is_ridden_out(int status)
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailRequest(1, Fault.Status(status));
        await using var app = Api(graph);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Interviews)).StatusCode);
        Assert.Equal(2, graph.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    public async Task A_server_error_is_not_retried_and_becomes_a_502_with_retry_after(int status)
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailPath("/calendarView", Fault.Status(status));
        await using var app = Api(graph);
        var (response, _) = await TimedGet(app.CreateClient());
        await AssertProblem(response, HttpStatusCode.BadGateway);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(1, graph.Requests);
    }

    [Theory]
    [InlineData(429, "30", HttpStatusCode.ServiceUnavailable)]
    [InlineData(503, null, HttpStatusCode.ServiceUnavailable)]
    [InlineData(504, null, HttpStatusCode.GatewayTimeout)]
    public async Task A_lasting_outage_ends_within_the_retry_budget_with_retry_after(int status, string? retryAfter, HttpStatusCode expected)
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailPath("/calendarView", Fault.Status(status, retryAfter));
        await using var app = Api(graph);
        var (response, took) = await TimedGet(app.CreateClient());
        await AssertProblem(response, expected);
        Assert.True(took < TimeSpan.FromSeconds(4.5), $"took {took}"); // budget 3 s, not Graph's 30 s
        Assert.InRange(graph.Requests, 2, 12);
        var wait = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        if (retryAfter is not null) Assert.Equal(TimeSpan.FromSeconds(30), wait); // Graph's own wait, passed on
    }

    [Fact]
    public async Task A_graph_slower_than_the_timeout_ends_in_a_504_in_bounded_time()
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailPath("/calendarView", Fault.Slow(TimeSpan.FromSeconds(20)));
        await using var app = Api(graph).With("Graph:Timeout", "1");
        var (response, took) = await TimedGet(app.CreateClient());
        await AssertProblem(response, HttpStatusCode.GatewayTimeout);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(took < TimeSpan.FromSeconds(4), $"took {took}");
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("invalid")]
    public async Task Broken_json_is_a_502_never_a_partial_list(string kind)
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailPath("/calendarView", kind == "truncated" ? Fault.TruncatedJson : Fault.InvalidJson);
        await using var app = Api(graph);
        var (response, _) = await TimedGet(app.CreateClient());
        await AssertProblem(response, HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task A_later_page_that_fails_fails_the_whole_window()
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.PageSize = 2;
        graph.FailRequest(2, Fault.InvalidJson);
        await using var app = Api(graph);
        await AssertProblem((await TimedGet(app.CreateClient())).Response, HttpStatusCode.BadGateway);
    }

    [Theory]
    [InlineData("self")]
    [InlineData("first")]
    public async Task A_nextlink_loop_is_a_502_and_ends(string target)
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.PageSize = 2;
        graph.FailRequest(target == "self" ? 1 : 3, target == "self" ? Fault.NextLinkToItself : Fault.NextLinkToFirstPage);
        await using var app = Api(graph);
        var (response, took) = await TimedGet(app.CreateClient());
        await AssertProblem(response, HttpStatusCode.BadGateway);
        Assert.True(graph.Requests <= 3, $"{graph.Requests} requests");
        Assert.True(took < TimeSpan.FromSeconds(3), $"took {took}");
    }

    [Fact]
    public async Task A_nextlink_to_another_host_is_refused()
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailRequest(1, Fault.NextLinkToAnotherHost);
        await using var app = Api(graph);
        await AssertProblem((await TimedGet(app.CreateClient())).Response, HttpStatusCode.BadGateway);
        Assert.Equal(1, graph.Requests);
    }

    [Fact]
    public async Task Every_page_is_read_from_the_configured_graph_and_no_token_is_sent_in_demo_mode()
    {
        await using var whole = await FaultyGraphServer.StartAsync();
        await using var paged = await FaultyGraphServer.StartAsync();
        paged.PageSize = 2;
        await using var wholeApp = Api(whole);
        await using var pagedApp = Api(paged);
        var expected = await InterviewCount(wholeApp.CreateClient());
        Assert.True(expected > 2);
        Assert.Equal(expected, await InterviewCount(pagedApp.CreateClient()));
        Assert.True(paged.CountOf("/calendarView") >= 3, $"{paged.CountOf("/calendarView")} pages");
        Assert.All(whole.Seen.Concat(paged.Seen), r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task A_claims_challenge_from_graph_reaches_the_pane_as_a_401_challenge()
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        const string claims = "eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZSwidmFsdWUiOiIxNzY0MTQ4NDAwIn19fQ==";
        graph.FailPath("/calendarView", Fault.ExpiredToken(claims));
        await using var app = Api(graph);
        var (response, _) = await TimedGet(app.CreateClient());
        await AssertProblem(response, HttpStatusCode.Unauthorized);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains($"claims=\"{claims}\"", challenge.Parameter);
        Assert.Contains("error=\"insufficient_claims\"", challenge.Parameter);
        Assert.InRange(graph.Requests, 1, 2); // Kiota asks once more with the claims, then gives up
    }

    [Fact]
    public async Task No_more_than_four_graph_requests_run_at_once_for_one_mailbox()
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.Latency = TimeSpan.FromMilliseconds(300);
        await using var app = Api(graph);
        var client = app.CreateClient();
        var start = FollowUpApiFactory.TestNow.AddDays(-14);
        var calls = Enumerable.Range(0, 12).Select(i =>
            client.GetAsync($"{Interviews}?from={Uri.EscapeDataString(start.AddHours(i).ToString("o"))}&to={Uri.EscapeDataString(start.AddDays(20).ToString("o"))}"));
        var responses = await Task.WhenAll(calls);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(12, graph.Requests);
        Assert.InRange(graph.MaxConcurrency, 2, 4);
    }

    [Fact]
    public async Task A_pane_that_asks_three_times_costs_one_graph_read()
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        await using var app = Api(graph, cacheSeconds: "30");
        var client = app.CreateClient();
        var first = await client.GetArrayAsync(Interviews);
        Assert.Equal(first.ToJsonString(), (await client.GetArrayAsync(Interviews)).ToJsonString());
        await client.GetArrayAsync(Interviews);
        // Seconds apart within one minute: the same window.
        var t = FollowUpApiFactory.TestNow;
        await client.GetArrayAsync($"{Interviews}?from={Uri.EscapeDataString(t.AddDays(-14).AddSeconds(5).ToString("o"))}&to={Uri.EscapeDataString(t.AddDays(14).AddSeconds(5).ToString("o"))}");
        await client.GetArrayAsync($"{Interviews}?from={Uri.EscapeDataString(t.AddDays(-14).AddSeconds(40).ToString("o"))}&to={Uri.EscapeDataString(t.AddDays(14).AddSeconds(40).ToString("o"))}");
        Assert.Equal(2, graph.CountOf("/calendarView"));
    }

    [Fact]
    public async Task A_failed_read_is_not_cached()
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailRequest(1, Fault.Status(500));
        await using var app = Api(graph, cacheSeconds: "30");
        var client = app.CreateClient();
        await AssertProblem(await client.GetAsync(Interviews), HttpStatusCode.BadGateway);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Interviews)).StatusCode);
        Assert.Equal(2, graph.Requests);
    }
}
