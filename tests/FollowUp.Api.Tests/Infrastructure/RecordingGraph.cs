using System.Net;
using System.Text;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace FollowUp.Api.Tests.Infrastructure;

/// <summary>
/// A fake transport behind the REAL GraphServiceClient pipeline (retry, redirect, compression handlers run):
/// answers with Graph-shaped JSON and records every request it sees.
/// </summary>
public sealed class RecordingGraph(Func<HttpRequestMessage, int, HttpResponseMessage> answer) : HttpMessageHandler
{
    private int _calls;
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests) Requests.Add(request);
        return Task.FromResult(answer(request, Interlocked.Increment(ref _calls) - 1));
    }

    public GraphServiceClient Client(string baseUrl = "https://graph.microsoft.com/v1.0") =>
        new(GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: this), new AnonymousAuthenticationProvider(), baseUrl);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
