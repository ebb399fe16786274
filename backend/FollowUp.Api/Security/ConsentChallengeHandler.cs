using System.Text;
using FollowUp.Api.Identity;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

namespace FollowUp.Api.Security;

/// <summary>
/// On-behalf-of token failures (consent needed, a claims challenge, an expired session) become a 401 with a
/// <c>WWW-Authenticate</c> challenge the pane can act on, never a 500.
/// </summary>
public sealed class ConsentChallengeHandler(DeploymentMode mode, ILogger<ConsentChallengeHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var chain = Chain(exception).ToList();
        var challenge = chain.OfType<MicrosoftIdentityWebChallengeUserException>().FirstOrDefault();
        var uiRequired = challenge?.MsalUiRequiredException ?? chain.OfType<MsalUiRequiredException>().FirstOrDefault();
        if (challenge is null && uiRequired is null) return false;

        var all = uiRequired is null ? chain : chain.Concat(Chain(uiRequired));
        var claims = all.OfType<MsalServiceException>().Select(e => e.Claims).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
        var scopes = challenge?.Scopes is { Length: > 0 } s ? s : [GraphScopes.Calendar];
        var error = claims is null ? "interaction_required" : "insufficient_claims";
        log.LogInformation("On-behalf-of token needs the user ({Error}, MSAL code {Code}).", error, uiRequired?.ErrorCode);

        var header = new StringBuilder("Bearer realm=\"\"");
        if (mode.Authority is { } authority) header.Append($", authorization_uri=\"{authority}/oauth2/v2.0/authorize\"");
        if (mode.ClientId is { } clientId) header.Append($", client_id=\"{clientId}\"");
        header.Append($", error=\"{error}\"");
        string? encodedClaims = claims is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(claims));
        if (encodedClaims is not null) header.Append($", claims=\"{encodedClaims}\"");
        header.Append($", scope=\"{string.Join(' ', scopes)}\"");

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = header.ToString();
        await BearerHardening.WriteAsync(context, StatusCodes.Status401Unauthorized, "Consent or sign-in needed",
            "Microsoft Graph needs you to sign in again or consent before FollowUp can read your calendar.",
            new Dictionary<string, object?> { ["error"] = error, ["claims"] = encodedClaims, ["scopes"] = scopes });
        return true;
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException agg)
                foreach (var inner in agg.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}
