using Microsoft.Identity.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace FollowUp.Api.Identity;

/// <summary>
/// Kiota's token hook over Microsoft.Identity.Web: an on-behalf-of token for the caller, only for the configured
/// Graph host over https (Microsoft.Identity.Web.GraphServiceClient is not available here).
/// </summary>
public sealed class GraphTokenProvider(IAuthorizationHeaderProvider headers, Uri graphBaseUrl) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphBaseUrl.Host]);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (uri.Scheme != Uri.UriSchemeHttps || !AllowedHostsValidator.IsUrlHostValid(uri)) return "";
        var options = new AuthorizationHeaderProviderOptions();
        if (additionalAuthenticationContext?.TryGetValue("claims", out var claims) == true && claims is string challenge)
            options.AcquireTokenOptions = new AcquireTokenOptions { Claims = challenge };
        var header = await headers.CreateAuthorizationHeaderForUserAsync(GraphScopes.For(uri), options, cancellationToken: cancellationToken);
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..] : header;
    }
}

/// <summary>Least privilege: mail scopes are asked for only by the calls that touch mail.</summary>
public static class GraphScopes
{
    public const string Calendar = "https://graph.microsoft.com/Calendars.Read";
    public const string Mail = "https://graph.microsoft.com/Mail.ReadWrite";

    /// <summary>The scope a call needs, on the host it goes to (national clouds have their own Graph resource).</summary>
    public static string[] For(Uri uri)
    {
        var path = uri.AbsolutePath;
        var permission = path.Contains("/messages", StringComparison.OrdinalIgnoreCase) || path.Contains("/mailFolders", StringComparison.OrdinalIgnoreCase)
            ? "Mail.ReadWrite"
            : "Calendars.Read";
        return [$"{uri.Scheme}://{uri.Host}/{permission}"];
    }
}
