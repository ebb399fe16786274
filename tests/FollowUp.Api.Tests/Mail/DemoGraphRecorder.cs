using FollowUp.Api.Demo;
using FollowUp.Api.Extensions;
using FollowUp.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Graph;

namespace FollowUp.Api.Tests.Mail;

/// <summary>
/// Sits between the real Graph client pipeline and the demo mailbox: records every request and can fail one on
/// purpose (a lost answer, as after a timeout) to exercise retries.
/// </summary>
public sealed class DemoGraphRecorder : DelegatingHandler
{
    private readonly List<(HttpMethod Method, Uri Uri)> _requests = [];

    /// <summary>Decides, after the demo mailbox has answered, whether the caller sees a failure instead.</summary>
    public Func<HttpRequestMessage, bool> LoseAnswer { get; set; } = _ => false;

    public IReadOnlyList<(HttpMethod Method, Uri Uri)> Requests { get { lock (_requests) return [.. _requests]; } }

    public int Count(string method, string pathContains) =>
        Requests.Count(r => r.Method.Method == method && Uri.UnescapeDataString(r.Uri.AbsolutePath).Contains(pathContains, StringComparison.OrdinalIgnoreCase));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        lock (_requests) _requests.Add((request.Method, request.RequestUri!));
        var response = await base.SendAsync(request, ct);
        if (LoseAnswer(request)) throw new HttpRequestException("The connection was reset before the answer arrived.");
        return response;
    }
}

public static class DemoGraphRecording
{
    /// <summary>Routes the app's Graph client through <paramref name="recorder"/> to its demo mailbox (optionally a shared one).</summary>
    public static FollowUpApiFactory WithRecordedGraph(this FollowUpApiFactory app, DemoGraphRecorder recorder, SampleMailbox? sharedMailbox = null) =>
        app.WithServices(services =>
        {
            if (sharedMailbox is not null)
            {
                services.RemoveAll<SampleMailbox>();
                services.AddSingleton(sharedMailbox);
            }
            services.RemoveAll<GraphTransport>();
            services.AddSingleton(sp =>
            {
                recorder.InnerHandler = new DemoGraphHandler(sp.GetRequiredService<SampleMailbox>(), sp.GetRequiredService<TimeProvider>());
                return new GraphTransport(GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: recorder),
                    new Uri(GraphExtensions.DefaultBaseUrl));
            });
        });
}
