using System.Net;
using FollowUp.Api.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace FollowUp.Api.Security;

/// <summary>
/// Configured mode: every failed sign-in is a 401/403 ProblemDetails (never a 500, even when the OpenID metadata cannot
/// be fetched), and the authority must be https. <c>Authentication:AllowInsecureAuthority</c> lets tests point
/// <c>AzureAd:Instance</c> at a loopback http provider; it is honoured only in Development or Testing.
/// </summary>
public static class BearerHardening
{
    public const string AllowInsecureAuthoritySetting = "Authentication:AllowInsecureAuthority";

    public static void AddBearerHardening(this WebApplicationBuilder builder, DeploymentMode mode)
    {
        if (mode.IsDemo) return;
        var config = builder.Configuration;
        var instance = (config["AzureAd:Instance"] ?? "https://login.microsoftonline.com/").TrimEnd('/');
        var insecure = AllowsInsecureAuthority(builder.Environment, config, instance);
        if (!insecure && !instance.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"AzureAd:Instance must be an https URL (got '{instance}'). Plain http is accepted only for a loopback test provider with " +
                $"{AllowInsecureAuthoritySetting}=true in the Development or Testing environment.");

        builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            if (!insecure) return;
            options.RequireHttpsMetadata = false;
            // The production issuer check fetches Entra metadata over https; the loopback provider names one exact issuer.
            options.TokenValidationParameters.ValidIssuers = [$"{instance}/{config["AzureAd:TenantId"]}/v2.0"];
        });
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.Events ??= new JwtBearerEvents();
            var failed = options.Events.OnAuthenticationFailed;
            options.Events.OnAuthenticationFailed = async context =>
            {
                await failed(context);
                // Without a result the handler rethrows (metadata down, scope checks): make it a plain failed sign-in.
                if (context.Result is null) context.Fail(context.Exception);
            };
            var challenge = options.Events.OnChallenge;
            options.Events.OnChallenge = async context =>
            {
                await challenge(context);
                if (context.Handled || context.Response.HasStarted) return;
                context.HandleResponse();
                var invalid = context.AuthenticateFailure is not null;
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = invalid ? "Bearer error=\"invalid_token\"" : "Bearer";
                await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign-in required",
                    invalid ? "The access token could not be validated. Sign in again." : "This API needs an access token for api://{client-id}/access_as_user.");
            };
            var forbidden = options.Events.OnForbidden;
            options.Events.OnForbidden = async context =>
            {
                await forbidden(context);
                if (context.Response.HasStarted) return;
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Not allowed",
                    "The access token does not grant the access_as_user scope.");
            };
        });
    }

    internal static bool AllowsInsecureAuthority(IHostEnvironment environment, IConfiguration config, string instance) =>
        (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        && config.GetValue<bool>(AllowInsecureAuthoritySetting)
        && Uri.TryCreate(instance, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>application/problem+json whatever the Accept header says (ProblemHttpResult falls back to plain JSON).</summary>
    internal static Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions).ExecuteAsync(context);
}
