using System.Net;
using FollowUp.Api.Tests.Infrastructure;
using static FollowUp.Api.Tests.Resilience.GraphFaultTests;

namespace FollowUp.Api.Tests.Resilience;

/// <summary>Graph answers that look fine but are not (broken JSON, nextLink loops, challenges), and how often Graph is asked.</summary>
public class GraphAnswerTests
{
    [Theory]
    [InlineData("truncated")]
    [InlineData("invalid")]
    public async Task Broken_json_is_a_502_never_a_partial_list(string kind)
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailPath("/calendarView", kind == "truncated" ? Fault.TruncatedJson : Fault.InvalidJson);
        await using var app = ApiOver(graph);
        var (response, _) = await TimedGet(app.CreateClient());
        await AssertProblem(response, HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task A_later_page_that_fails_fails_the_whole_window()
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.PageSize = 2;
        graph.FailRequest(2, Fault.InvalidJson);
        await using var app = ApiOver(graph);
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
        await using var app = ApiOver(graph);
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
        await using var app = ApiOver(graph);
        await AssertProblem((await TimedGet(app.CreateClient())).Response, HttpStatusCode.BadGateway);
        Assert.Equal(1, graph.Requests);
    }

    [Fact]
    public async Task Every_page_is_read_from_the_configured_graph_and_no_token_is_sent_in_demo_mode()
    {
        await using var whole = await FaultyGraphServer.StartAsync();
        await using var paged = await FaultyGraphServer.StartAsync();
        paged.PageSize = 2;
        await using var wholeApp = ApiOver(whole);
        await using var pagedApp = ApiOver(paged);
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
        await using var app = ApiOver(graph);
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
        await using var app = ApiOver(graph);
        var client = app.CreateClient();
        var start = FollowUpApiFactory.TestNow.AddDays(-14);
        var calls = Enumerable.Range(0, 12).Select(i =>
            client.GetAsync($"{InterviewsUrl}?from={Uri.EscapeDataString(start.AddHours(i).ToString("o"))}&to={Uri.EscapeDataString(start.AddDays(20).ToString("o"))}"));
        var responses = await Task.WhenAll(calls);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(12, graph.Requests);
        Assert.InRange(graph.MaxConcurrency, 2, 4);
    }

    [Fact]
    public async Task A_pane_that_asks_three_times_costs_one_graph_read()
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        await using var app = ApiOver(graph, cacheSeconds: "30");
        var client = app.CreateClient();
        var first = await client.GetArrayAsync(InterviewsUrl);
        Assert.Equal(first.ToJsonString(), (await client.GetArrayAsync(InterviewsUrl)).ToJsonString());
        await client.GetArrayAsync(InterviewsUrl);
        // Seconds apart within one minute: the same window.
        var t = FollowUpApiFactory.TestNow;
        await client.GetArrayAsync($"{InterviewsUrl}?from={Uri.EscapeDataString(t.AddDays(-14).AddSeconds(5).ToString("o"))}&to={Uri.EscapeDataString(t.AddDays(14).AddSeconds(5).ToString("o"))}");
        await client.GetArrayAsync($"{InterviewsUrl}?from={Uri.EscapeDataString(t.AddDays(-14).AddSeconds(40).ToString("o"))}&to={Uri.EscapeDataString(t.AddDays(14).AddSeconds(40).ToString("o"))}");
        Assert.Equal(2, graph.CountOf("/calendarView"));
    }

    [Fact]
    public async Task A_failed_read_is_not_cached()
    {
        await using var graph = await FaultyGraphServer.StartAsync();
        graph.FailRequest(1, Fault.Status(500));
        await using var app = ApiOver(graph, cacheSeconds: "30");
        var client = app.CreateClient();
        await AssertProblem(await client.GetAsync(InterviewsUrl), HttpStatusCode.BadGateway);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(InterviewsUrl)).StatusCode);
        Assert.Equal(2, graph.Requests);
    }
}
