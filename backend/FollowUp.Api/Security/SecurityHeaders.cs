namespace FollowUp.Api.Security;

/// <summary>Headers on every response: a CSP fit for an Office add-in pane on HTML, nosniff and a strict referrer policy.</summary>
public static class SecurityHeaders
{
    /// <summary>Office.js and MSAL load from Microsoft CDNs; Outlook (web, new Outlook, Microsoft 365) frames the pane.</summary>
    public const string PanePolicy =
        "default-src 'self'; " +
        "script-src 'self' https://appsforoffice.microsoft.com https://alcdn.msauth.net; " +
        "connect-src 'self' https://login.microsoftonline.com https://graph.microsoft.com; " +
        "frame-src 'self' https://login.microsoftonline.com; " +
        "img-src 'self' data:; " +
        "style-src 'self' 'unsafe-inline'; " +
        "frame-ancestors 'self' https://*.office.com https://*.office365.com https://*.outlook.com https://outlook.live.com " +
        "https://*.microsoft.com https://*.cloud.microsoft; " +
        "base-uri 'self'; form-action 'self'";

    /// <summary>Swagger UI's page carries an inline style block and data: images; it is never framed.</summary>
    public const string SwaggerPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>JSON and everything else: nothing to load, never framed.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            var isHtml = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? SwaggerPolicy
                : isHtml ? PanePolicy
                : ApiPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
