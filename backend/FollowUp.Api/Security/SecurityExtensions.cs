using FollowUp.Api.Identity;

namespace FollowUp.Api.Security;

public static class SecurityExtensions
{
    public const string CorsPolicy = "ConfiguredOrigins";

    /// <summary>Sign-in hardening, consent challenges, CORS, per-user rate limits, JSON limits and log hygiene.</summary>
    public static void AddFollowUpSecurity(this WebApplicationBuilder builder, DeploymentMode mode)
    {
        builder.AddBearerHardening(mode);
        builder.Services.AddExceptionHandler<ConsentChallengeHandler>();
        builder.AddUserRateLimits();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.MaxDepth = RequestLimits.MaxJsonDepth);

        // The pane is served from this origin and needs no CORS; other origins only when named.
        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>()?
            .Where(o => !string.IsNullOrWhiteSpace(o)).ToArray() ?? [];
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, policy =>
        {
            if (origins.Length > 0) policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("WWW-Authenticate", "Retry-After");
        }));

        foreach (var (category, level) in LogHygiene.Ceilings) builder.Logging.AddFilter(category, level);
    }

    /// <summary>Security headers, HSTS outside Development/Testing, CORS and /api body limits. Call after UseStatusCodePages.</summary>
    public static void UseFollowUpSecurity(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing")) app.UseHsts();
        app.UseCors(CorsPolicy);
        app.UseRequestLimits();
    }

    /// <summary>Per-user limits need the caller: call between UseAuthentication and UseAuthorization.</summary>
    public static void UseFollowUpRateLimiting(this WebApplication app) => app.UseRateLimiter();
}

/// <summary>
/// Framework categories that would log what must stay out of logs, and the most they may log: request paths name
/// interviewers (/api/followups/{eventId}/{email}/status), and the EF Core key repository logs the Data Protection
/// master keys at Debug.
/// </summary>
public static class LogHygiene
{
    public static readonly IReadOnlyDictionary<string, LogLevel> Ceilings = new Dictionary<string, LogLevel>
    {
        // Its request scope (RequestPath) reaches every scope-aware sink; None also drops that scope.
        ["Microsoft.AspNetCore.Hosting.Diagnostics"] = LogLevel.None,
        ["Microsoft.AspNetCore.Routing.Matching"] = LogLevel.Warning,
        ["Microsoft.AspNetCore.StaticFiles"] = LogLevel.Warning,
        ["Microsoft.AspNetCore.DataProtection.EntityFrameworkCore"] = LogLevel.Warning,
    };
}
