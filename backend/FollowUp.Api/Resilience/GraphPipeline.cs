using Microsoft.Graph;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace FollowUp.Api.Resilience;

/// <summary>The one HTTP pipeline to Graph: the SDK's handlers with ours in place of its RetryHandler.</summary>
public static class GraphPipeline
{
    /// <summary>
    /// SDK defaults (redirects, compression, telemetry…) minus RetryHandler; <see cref="GraphRetryHandler"/> in its
    /// place; then, closest to the wire, the host guard and the per-mailbox gate (a retry's wait holds no slot).
    /// </summary>
    public static HttpClient Create(Uri baseUrl, GraphResilienceOptions options, MailboxGate gate, IHttpContextAccessor accessor,
        HttpMessageHandler finalHandler, ILogger? log = null)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var at = handlers.ToList().FindIndex(h => h is RetryHandler);
        if (at >= 0) handlers.RemoveAt(at);
        handlers.Insert(Math.Max(at, 0), new GraphRetryHandler(options, log));
        handlers.Add(new GraphEndpointGuard(baseUrl));
        handlers.Add(new MailboxConcurrencyHandler(gate, accessor));
        var http = GraphClientFactory.Create(handlers, finalHandler: finalHandler);
        http.Timeout = options.Timeout;
        return http;
    }
}
