using System.Collections.Concurrent;
using System.Diagnostics;
using FollowUp.Api.Calendar;
using FollowUp.Api.Demo;

namespace FollowUp.Benchmarks.GraphCalls;

/// <summary>
/// <c>bytes</c>: sizes of one calendarView answer of the sample mailbox with and without <c>$select</c>.
/// <c>serve PORT</c>: the sample mailbox as a Graph-compatible server on loopback that counts the calls it answers
/// (<c>GET /__calls</c>), for the API to point <c>Graph__BaseUrl</c> at.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var mailbox = SampleMailbox.Load(null, null, TimeProvider.System);
        using var graph = new HttpMessageInvoker(new DemoGraphHandler(mailbox, TimeProvider.System));
        switch (args.FirstOrDefault())
        {
            case "bytes":
                await MeasureBytesAsync(graph);
                return 0;
            case "serve" when args.Length > 1 && int.TryParse(args[1], out var port):
                await ServeAsync(graph, port);
                return 0;
            default:
                Console.Error.WriteLine("usage: GraphCalls bytes | serve PORT");
                return 2;
        }
    }

    /// <summary>
    /// The API's real request (GraphCalendarSource: its $select with bodyPreview, Prefer UTC, Prefer text bodies) against (a) the plain
    /// request a naive client sends (no $select, no Prefer: every property, HTML bodies) and (b) no $select with the
    /// same Prefer headers. The issue's target (selected &lt;= 1/4) is stated against (a).
    /// </summary>
    private static async Task MeasureBytesAsync(HttpMessageInvoker graph)
    {
        var now = DateTimeOffset.UtcNow;
        var window = $"startDateTime={now.AddDays(-14):yyyy-MM-ddTHH:mm:ssZ}&endDateTime={now.AddDays(14):yyyy-MM-ddTHH:mm:ssZ}&$top={GraphCalendarSource.PageSize}";
        var select = "&$select=" + string.Join(',', GraphCalendarSource.Select);
        var selected = await AnswerAsync(graph, window + select, prefer: true);
        var naive = await AnswerAsync(graph, window, prefer: false);
        var unselected = await AnswerAsync(graph, window, prefer: true);
        Console.WriteLine($"calendarView, 28-day window, {selected.Events} events of the shipped sample mailbox:");
        Console.WriteLine($"  ours: $select ({GraphCalendarSource.Select.Length} fields, the body as bodyPreview) + Prefer UTC: {selected.Bytes} bytes");
        Console.WriteLine($"  (a) naive: no $select, no Prefer (all properties, HTML bodies): {naive.Bytes} bytes");
        Console.WriteLine($"  (b) no $select, same Prefer headers (all properties, text bodies): {unselected.Bytes} bytes");
        var ratio = (double)selected.Bytes / naive.Bytes;
        Console.WriteLine($"  ratio ours/(a): {ratio:0.000} (target <= 0.25: {(ratio <= 0.25 ? "met" : "MISSED")})");
        Console.WriteLine($"  ratio ours/(b): {(double)selected.Bytes / unselected.Bytes:0.000} (what $select alone saves)");

        var watch = Stopwatch.StartNew();
        const int rounds = 200;
        for (var i = 0; i < rounds; i++) await AnswerAsync(graph, window + select, prefer: true);
        Console.WriteLine($"  demo handler time per selected answer: {watch.Elapsed.TotalMilliseconds / rounds:0.00} ms (mean of {rounds})");
    }

    private static async Task<(long Bytes, int Events)> AnswerAsync(HttpMessageInvoker graph, string query, bool prefer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://graph.microsoft.com/v1.0/me/calendarView?" + query);
        if (prefer)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "outlook.timezone=\"UTC\"");
            request.Headers.TryAddWithoutValidation("Prefer", "outlook.body-content-type=\"text\"");
        }
        using var response = await graph.SendAsync(request, CancellationToken.None);
        var body = await response.Content.ReadAsByteArrayAsync();
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        return (body.LongLength, doc.RootElement.GetProperty("value").GetArrayLength());
    }

    private static async Task ServeAsync(HttpMessageInvoker graph, int port)
    {
        var calls = new ConcurrentDictionary<string, int>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/__calls", () => Results.Json(new SortedDictionary<string, int>(calls)));
        app.MapPost("/__reset", () => { calls.Clear(); return Results.NoContent(); });
        app.MapGet("/healthz", () => Results.Ok());
        app.MapFallback(async context =>
        {
            var path = context.Request.Path.Value ?? "";
            var me = path.IndexOf("/me", StringComparison.OrdinalIgnoreCase);
            var route = me < 0 ? path : path[me..];
            var key = $"{context.Request.Method} {string.Join('/', route.Split('/').Take(3))}";
            calls.AddOrUpdate(key, 1, (_, n) => n + 1);

            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), "https://graph.microsoft.com" + path + context.Request.QueryString);
            foreach (var (name, values) in context.Request.Headers)
                if (name.Equals("Prefer", StringComparison.OrdinalIgnoreCase)) request.Headers.TryAddWithoutValidation(name, values.ToArray());
            if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                request.Content = new ByteArrayContent(buffer.ToArray());
                if (context.Request.ContentType is { } type) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
            using var response = await graph.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers) context.Response.Headers[name] = values.ToArray();
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.Body);
        });
        await app.RunAsync();
    }
}
