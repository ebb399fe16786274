using FollowUp.Api.Calendar;
using FollowUp.Api.Demo;
using FollowUp.Api.Identity;
using Microsoft.Graph;
using Microsoft.Identity.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace FollowUp.Api.Extensions;

public static class GraphExtensions
{
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>
    /// The real <see cref="GraphServiceClient"/> (retry, redirect and compression middleware included). Configured:
    /// on-behalf-of tokens for the Graph host. Demo: the same client over the in-process sample mailbox, or over a
    /// Graph-compatible server named by <c>Graph:BaseUrl</c>, without tokens.
    /// </summary>
    public static void AddGraph(this WebApplicationBuilder builder, DeploymentMode mode)
    {
        var config = builder.Configuration;
        var configuredBaseUrl = config["Graph:BaseUrl"];
        var baseUrl = new Uri((string.IsNullOrWhiteSpace(configuredBaseUrl) ? DefaultBaseUrl : configuredBaseUrl).TrimEnd('/'));
        var useSampleMailbox = mode.IsDemo && string.IsNullOrWhiteSpace(configuredBaseUrl);

        builder.Services.AddSingleton(sp => SampleMailbox.Load(config["Demo:CalendarFile"], config["Demo:SentItemsFile"], sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new GraphTransport(
            GraphClientFactory.Create(
                GraphClientFactory.CreateDefaultHandlers(),
                finalHandler: useSampleMailbox
                    ? new DemoGraphHandler(sp.GetRequiredService<SampleMailbox>(), sp.GetRequiredService<TimeProvider>())
                    : new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }),
            baseUrl));
        builder.Services.AddScoped(sp =>
        {
            var transport = sp.GetRequiredService<GraphTransport>();
            IAuthenticationProvider auth = mode.IsDemo
                ? new AnonymousAuthenticationProvider()
                : new BaseBearerTokenAuthenticationProvider(new GraphTokenProvider(sp.GetRequiredService<IAuthorizationHeaderProvider>(), transport.BaseUrl));
            return new GraphServiceClient(transport.Http, auth, transport.BaseUrl.AbsoluteUri.TrimEnd('/'));
        });
        builder.Services.AddScoped<ICalendarSource, GraphCalendarSource>();
    }
}

/// <summary>One HTTP pipeline to Graph for the whole app; clients per request only add the caller's token.</summary>
public sealed record GraphTransport(HttpClient Http, Uri BaseUrl);
