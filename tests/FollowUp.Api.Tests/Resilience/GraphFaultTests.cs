using System.Diagnostics;
using System.Globalization;
using System.Net;
using FollowUp.Api.Tests.Infrastructure;

namespace FollowUp.Api.Tests.Resilience;

/// <summary>The API over a real socket to a Graph-compatible server that throttles, fails and stalls on purpose.</summary>
public class GraphFaultTests
{
    internal const string InterviewsUrl = "/api/interviews";

    /// <summary>Small budgets so the whole suite stays fast: 3 s of retries, waits capped at 1.5 s, 5 s timeout.</summary>
    internal static FollowUpApiFactory ApiOver(FaultyGraphServer graph, string cacheSeconds = "0") => new FollowUpApiFactory()
        .With("Graph:BaseUrl", graph.BaseUrl)
        .With("Graph:MaxRetryDuration", "3")
        .With("Graph:MaxRetryAfter", "1.5")
        .With("Graph:RetryDelay", "0.05")
        .With("Graph:Timeout", "5")
        .With("Graph:CacheSeconds", cacheSeconds);

    internal static async Task<(HttpResponseMessage Response, TimeSpan Took)> TimedGet(HttpClient client, string url = InterviewsUrl)
    {
        await client.GetAsync("/healthz"); // start-up outside the stopwatch
        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync(url);
        return (response, watch.Elapsed);
    }

    internal static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("\"value\"", body);
    }

    internal static async Task<int> InterviewCount(HttpClient client) => (await client.GetArrayAsync(InterviewsUrl)).Count;

    [Theory]
    [InlineData("1", 0.9)]      // whole seconds
    [InlineData("0.4", 0.35)]   // fractional, as Graph's throttling docs show (the SDK's handler would wait 3 s)
    public async Task A_throttled_read_is_retried_after_the_wait_Graph_asks(string retryAfter, double atLeastSeconds)
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailRequest(1, Fault.Throttled(retryAfter));
        await using var app = ApiOver(graph);
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
        await using var app = ApiOver(graph);
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
        await using var app = ApiOver(graph);
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
        await using var app = ApiOver(graph);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(InterviewsUrl)).StatusCode);
        Assert.Equal(2, graph.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    public async Task A_server_error_is_not_retried_and_becomes_a_502_with_retry_after(int status)
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailPath("/calendarView", Fault.Status(status));
        await using var app = ApiOver(graph);
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
        await using var app = ApiOver(graph);
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
        await using var app = ApiOver(graph).With("Graph:Timeout", "1");
        var (response, took) = await TimedGet(app.CreateClient());
        await AssertProblem(response, HttpStatusCode.GatewayTimeout);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(took < TimeSpan.FromSeconds(4), $"took {took}");
    }
}
