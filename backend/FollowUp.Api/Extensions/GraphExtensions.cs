using FollowUp.Api.Calendar;
using FollowUp.Api.Demo;
using FollowUp.Api.Identity;
using FollowUp.Api.Resilience;
using FollowUp.Domain.Calendar;
using Microsoft.Graph;
using Microsoft.Identity.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace FollowUp.Api.Extensions;

public static class GraphExtensions
{
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>
    /// The real <see cref="GraphServiceClient"/> over <see cref="GraphPipeline"/> (bounded retries, per-mailbox
    /// concurrency, host guard, timeout) and a short per-user calendar cache. Configured: on-behalf-of tokens for the
    /// Graph host. Demo: the same client over the in-process sample mailbox, or over a Graph-compatible server named
    /// by <c>Graph:BaseUrl</c>, without tokens.
    /// </summary>
    public static void AddGraph(this WebApplicationBuilder builder, DeploymentMode mode)
    {
        var config = builder.Configuration;
        var configuredBaseUrl = config["Graph:BaseUrl"];
        var baseUrl = new Uri((string.IsNullOrWhiteSpace(configuredBaseUrl) ? DefaultBaseUrl : configuredBaseUrl).TrimEnd('/'));
        var useSampleMailbox = mode.IsDemo && string.IsNullOrWhiteSpace(configuredBaseUrl);

        var resilience = GraphResilienceOptions.From(config);
        builder.Services.AddSingleton(resilience);
        builder.Services.AddHttpContextAccessor();
        // Real time: eviction of idle mailboxes must not depend on a clock tests freeze.
        builder.Services.AddSingleton(new MailboxGate(resilience.MaxConcurrentPerMailbox, TimeProvider.System));
        builder.Services.AddSingleton(sp => SampleMailbox.Load(config["Demo:CalendarFile"], config["Demo:SentItemsFile"], sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new GraphTransport(
            GraphPipeline.Create(
                baseUrl, resilience, sp.GetRequiredService<MailboxGate>(), sp.GetRequiredService<IHttpContextAccessor>(),
                finalHandler: useSampleMailbox
                    ? new DemoGraphHandler(sp.GetRequiredService<SampleMailbox>(), sp.GetRequiredService<TimeProvider>())
                    : new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<GraphRetryHandler>()),
            baseUrl));
        builder.Services.AddScoped(sp =>
        {
            var transport = sp.GetRequiredService<GraphTransport>();
            IAuthenticationProvider auth = mode.IsDemo
                ? new AnonymousAuthenticationProvider()
                : new BaseBearerTokenAuthenticationProvider(new GraphTokenProvider(sp.GetRequiredService<IAuthorizationHeaderProvider>(), transport.BaseUrl));
            return new GraphServiceClient(transport.Http, auth, transport.BaseUrl.AbsoluteUri.TrimEnd('/'));
        });
        builder.Services.AddHybridCache(o => o.MaximumPayloadBytes = 8 * 1024 * 1024) // a busy month with bodies
            .AddSerializer<CalendarWindow, ProtectedCalendarSerializer>();
        builder.Services.AddScoped<GraphCalendarSource>();
        // Most requests are answered from the calendar cache: build the Graph client only when one is really needed.
        builder.Services.AddTransient(typeof(Lazy<>), typeof(WhenNeeded<>));
        builder.Services.AddTransient<ICalendarSource, CachedCalendarSource>();
    }
}

/// <summary>A scoped service resolved on first use.</summary>
internal sealed class WhenNeeded<T>(IServiceProvider services) : Lazy<T>(services.GetRequiredService<T>) where T : notnull;

/// <summary>One HTTP pipeline to Graph for the whole app; clients per request only add the caller's token.</summary>
public sealed record GraphTransport(HttpClient Http, Uri BaseUrl);
