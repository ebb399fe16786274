using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using FollowUp.Api.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FollowUp.Api.Tests.Infrastructure;

/// <summary>What the server answers instead of Graph's normal answer.</summary>
public abstract record Fault
{
    /// <summary>429 with Graph's throttling body; Retry-After exactly as given (null: no header).</summary>
    public static Fault Throttled(string? retryAfter) => new Answer(429, retryAfter);

    /// <summary>An error status (500, 502, 503, 504…) with a Graph error body.</summary>
    public static Fault Status(int status, string? retryAfter = null) => new Answer(status, retryAfter);

    /// <summary>The normal answer, after a delay (cut short when the caller gives up).</summary>
    public static Fault Slow(TimeSpan delay) => new Delayed(delay);

    /// <summary>The first half of the normal JSON, with a matching Content-Length.</summary>
    public static readonly Fault TruncatedJson = new Mangled(body => body[..(body.Length / 2)]);

    /// <summary>Not JSON at all, though labelled application/json.</summary>
    public static readonly Fault InvalidJson = new Mangled(_ => "<html><body>Service Unavailable</body></html>");

    /// <summary>The normal page, whose @odata.nextLink points back to this same page.</summary>
    public static readonly Fault NextLinkToItself = new Relinked(LinkTarget.Self);

    /// <summary>The normal page, whose @odata.nextLink points back to the first calendar page.</summary>
    public static readonly Fault NextLinkToFirstPage = new Relinked(LinkTarget.FirstPage);

    /// <summary>The normal page, whose @odata.nextLink points to another host.</summary>
    public static readonly Fault NextLinkToAnotherHost = new Relinked(LinkTarget.AnotherHost);

    /// <summary>401 with a continuous-access-evaluation claims challenge, as Graph sends for an expired or revoked token.</summary>
    public static Fault ExpiredToken(string claims) => new Challenge(claims);

    internal sealed record Answer(int Code, string? RetryAfter) : Fault;
    internal sealed record Delayed(TimeSpan Delay) : Fault;
    internal sealed record Mangled(Func<string, string> Body) : Fault;
    internal sealed record Relinked(LinkTarget Target) : Fault;
    internal sealed record Challenge(string Claims) : Fault;
    internal enum LinkTarget { Self, FirstPage, AnotherHost }
}

/// <summary>One request as the server saw it.</summary>
public sealed record SeenRequest(int Number, string Method, string PathAndQuery, string? Authorization);

/// <summary>
/// A Graph-compatible server on 127.0.0.1 (Kestrel, a real socket) for the API to call through <c>Graph:BaseUrl</c>.
/// Normal answers come from <see cref="DemoGraphHandler"/> over a test calendar; faults are injected per request
/// number or per path. Counts requests and the most that were in flight at once.
/// </summary>
public sealed class FaultyGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _graph;
    private readonly ConcurrentDictionary<int, Fault> _byNumber = new();
    private readonly List<(string Path, Fault Fault, int Left)> _byPath = [];
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private int _requests, _inFlight, _maxInFlight;
    private string? _firstCalendarPage;

    /// <summary>Wait this long before every answer (to make requests overlap).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Answer calendar pages of at most this many events, whatever $top asked (Graph may do the same).</summary>
    public int? PageSize { get; set; }

    public string Root { get; private set; } = "";
    public string BaseUrl => Root + "/v1.0";
    public int Requests => Volatile.Read(ref _requests);
    public int MaxConcurrency => Volatile.Read(ref _maxInFlight);
    public IReadOnlyList<SeenRequest> Seen => [.. _seen];
    public int CountOf(string pathPart) => _seen.Count(r => r.PathAndQuery.Contains(pathPart, StringComparison.OrdinalIgnoreCase));

    private FaultyGraphServer(string calendarFile)
    {
        var clock = new FakeTimeProvider(FollowUpApiFactory.TestNow);
        _graph = new HttpMessageInvoker(new DemoGraphHandler(SampleMailbox.Load(TestData.Path(calendarFile), null, clock), clock));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(ServeAsync);
    }

    public static async Task<FaultyGraphServer> StartAsync(string calendarFile = "calendar.json")
    {
        var server = new FaultyGraphServer(calendarFile);
        await server._app.StartAsync();
        server.Root = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>The <paramref name="number"/>th request (from 1) gets <paramref name="fault"/>.</summary>
    public FaultyGraphServer FailRequest(int number, Fault fault) { _byNumber[number] = fault; return this; }

    /// <summary>Requests whose path contains <paramref name="pathPart"/> get <paramref name="fault"/>, <paramref name="times"/> times.</summary>
    public FaultyGraphServer FailPath(string pathPart, Fault fault, int times = int.MaxValue)
    {
        lock (_byPath) _byPath.Add((pathPart, fault, times));
        return this;
    }

    private Fault? FaultFor(int number, string path)
    {
        if (_byNumber.TryRemove(number, out var fault)) return fault;
        lock (_byPath)
            for (var i = 0; i < _byPath.Count; i++)
                if (_byPath[i].Left > 0 && path.Contains(_byPath[i].Path, StringComparison.OrdinalIgnoreCase))
                {
                    _byPath[i] = _byPath[i] with { Left = _byPath[i].Left - 1 };
                    return _byPath[i].Fault;
                }
        return null;
    }

    private async Task ServeAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _requests);
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); inFlight > max; max = Volatile.Read(ref _maxInFlight))
            if (Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) == max) break;
        try
        {
            var url = context.Request.GetEncodedUrl();
            var path = context.Request.Path.Value ?? "";
            _seen.Enqueue(new SeenRequest(number, context.Request.Method, context.Request.GetEncodedPathAndQuery(),
                context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null));
            if (path.EndsWith("/calendarView", StringComparison.OrdinalIgnoreCase) && !context.Request.Query.ContainsKey("$skip"))
                Interlocked.CompareExchange(ref _firstCalendarPage, url, null);
            if (Latency > TimeSpan.Zero) await Task.Delay(Latency, context.RequestAborted);

            switch (FaultFor(number, path))
            {
                case Fault.Answer a:
                    await WriteErrorAsync(context, a.Code, a.RetryAfter);
                    return;
                case Fault.Challenge c:
                    context.Response.Headers.WWWAuthenticate =
                        $"Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\", error=\"insufficient_claims\", claims=\"{c.Claims}\"";
                    await WriteJsonAsync(context, 401, """{"error":{"code":"InvalidAuthenticationToken","message":"Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp"}}""");
                    return;
                case Fault.Delayed d:
                    await Task.Delay(d.Delay, context.RequestAborted);
                    break;
                case Fault.Mangled m:
                    var (status, body) = await ForwardAsync(context, url);
                    await WriteJsonAsync(context, status, m.Body(body));
                    return;
                case Fault.Relinked r:
                    var (okStatus, page) = await ForwardAsync(context, url);
                    var json = JsonNode.Parse(page)!.AsObject();
                    json["@odata.nextLink"] = r.Target switch
                    {
                        Fault.LinkTarget.Self => url,
                        Fault.LinkTarget.FirstPage => _firstCalendarPage ?? url,
                        _ => "https://graph.example.net/v1.0" + context.Request.GetEncodedPathAndQuery()[("/v1.0".Length)..],
                    };
                    await WriteJsonAsync(context, okStatus, json.ToJsonString());
                    return;
            }
            var (code, normal) = await ForwardAsync(context, url);
            await WriteJsonAsync(context, code, normal);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller gave up (its timeout): nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>The normal answer: the request, as Graph would get it, into the demo mailbox.</summary>
    private async Task<(int Status, string Body)> ForwardAsync(HttpContext context, string url)
    {
        if (PageSize is { } size && context.Request.Path.Value!.EndsWith("/calendarView", StringComparison.OrdinalIgnoreCase))
        {
            var query = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query);
            query["$top"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
            url = new UriBuilder(url) { Query = string.Join('&', query.AllKeys.Select(k => $"{Uri.EscapeDataString(k!)}={Uri.EscapeDataString(query[k] ?? "")}")) }.Uri.AbsoluteUri;
        }
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), url);
        foreach (var prefer in context.Request.Headers["Prefer"]) request.Headers.TryAddWithoutValidation("Prefer", prefer);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(context.Request.Body);
            request.Content = new StringContent(await reader.ReadToEndAsync(), Encoding.UTF8, "application/json");
        }
        using var response = await _graph.SendAsync(request, context.RequestAborted);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string? retryAfter)
    {
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
        var body = status == 429
            ? File.ReadAllText(TestData.Path("graph-fixtures/error-429-throttled.json"))
            : new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = status switch { 503 => "serviceNotAvailable", 504 => "UnknownError", _ => "generalException" },
                    ["message"] = $"Graph answered {status} on purpose.",
                },
            }.ToJsonString();
        return WriteJsonAsync(context, status, body);
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2))) await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
        _graph.Dispose();
    }
}
