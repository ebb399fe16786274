using FollowUp.Api.Demo;
using FollowUp.Api.Identity;

namespace FollowUp.Api.Extensions;

public static class StartupExtensions
{
    /// <summary>Says loudly, first thing, when the app runs on the embedded sample rather than a real tenant.</summary>
    public static void AnnounceMode(this WebApplication app, DeploymentMode mode)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FollowUp");
        if (!mode.IsDemo)
        {
            log.LogInformation("FollowUp connected to Entra ID app {ClientId}; Graph at {GraphUrl}.", mode.ClientId, app.Services.GetRequiredService<GraphTransport>().BaseUrl);
            return;
        }
        var graphUrl = app.Configuration["Graph:BaseUrl"];
        var source = string.IsNullOrWhiteSpace(graphUrl) ? app.Services.GetRequiredService<SampleMailbox>().Source : $"the Graph-compatible server at {graphUrl}";
        log.LogWarning("""
            ==================================================================
             DEMO MODE: no Azure AD app is configured (no AzureAd:ClientId).
             Serving {Source} through the Graph client; no sign-in.
             To connect a real tenant, set AzureAd__TenantId, AzureAd__ClientId
             and AzureAd__ClientSecret (see README.md, "Connect a real tenant").
            ==================================================================
            """, source);
    }
}
