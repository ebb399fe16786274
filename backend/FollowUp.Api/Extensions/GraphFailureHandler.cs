using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FollowUp.Api.Resilience;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions;

namespace FollowUp.Api.Extensions;

/// <summary>
/// Graph failures become clean 502/503/504 ProblemDetails with Retry-After, never a 500; Graph's claims challenge
/// (an expired or too weak token) becomes a 401 whose WWW-Authenticate the pane can answer.
/// </summary>
public sealed partial class GraphFailureHandler(IProblemDetailsService problems, ILogger<GraphFailureHandler> log) : IExceptionHandler
{
    /// <summary>What the caller is told: status, title, seconds to wait, and a challenge for 401s.</summary>
    internal sealed record Failure(int Status, string Title, int? RetryAfter, string? Challenge = null);

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (Classify(exception) is not { } failure) return false;
        if (context.RequestAborted.IsCancellationRequested && failure.Status == StatusCodes.Status504GatewayTimeout)
            return true; // the caller left; nobody reads the answer
        log.LogWarning("Graph call failed: {Kind} {GraphStatus} → {Status}", Innermost(exception).GetType().Name, (Innermost(exception) as ApiException)?.ResponseStatusCode, failure.Status);
        context.Response.StatusCode = failure.Status;
        if (failure.RetryAfter is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (failure.Challenge is { } challenge) context.Response.Headers.WWWAuthenticate = challenge;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = failure.Status,
                Title = failure.Title,
                Detail = failure.Status == StatusCodes.Status401Unauthorized
                    ? "Microsoft Graph asks you to sign in again."
                    : "Microsoft Graph did not answer as expected. Please try again shortly.",
            },
        });
    }

    /// <summary>Null for exceptions that are not about Graph (those stay 500s for the default handler).</summary>
    internal static Failure? Classify(Exception exception) => Innermost(exception) switch
    {
        ApiException { ResponseStatusCode: 401 } e => new(StatusCodes.Status401Unauthorized, "Sign in again", null, Challenge(e)),
        // On-behalf-of refused (consent, MFA, a claims challenge Graph sent): the pane must sign in again.
        MicrosoftIdentityWebChallengeUserException e => new(StatusCodes.Status401Unauthorized, "Sign in again", null, Challenge(e.MsalUiRequiredException.Claims)),
        MsalUiRequiredException e => new(StatusCodes.Status401Unauthorized, "Sign in again", null, Challenge(e.Claims)),
        ApiException { ResponseStatusCode: 403 } => new(StatusCodes.Status403Forbidden, "Microsoft Graph refused access to the mailbox", null),
        ApiException { ResponseStatusCode: 429 or 503 } e => new(StatusCodes.Status503ServiceUnavailable, "Microsoft Graph is busy", Wait(e, 30)),
        ApiException { ResponseStatusCode: 504 } e => new(StatusCodes.Status504GatewayTimeout, "Microsoft Graph timed out", Wait(e, 10)),
        ApiException e => new(StatusCodes.Status502BadGateway, "Microsoft Graph failed", Wait(e, 10)),
        GraphAnswerException or JsonException => new(StatusCodes.Status502BadGateway, "Microsoft Graph answered incompletely", 10),
        OperationCanceledException or TimeoutException => new(StatusCodes.Status504GatewayTimeout, "Microsoft Graph timed out", 10),
        HttpRequestException or IOException => new(StatusCodes.Status502BadGateway, "Microsoft Graph could not be reached", 10),
        _ => null,
    };

    /// <summary>The Graph failure inside the SDK's wrappers (retries exhausted arrive as an AggregateException).</summary>
    internal static Exception Innermost(Exception exception) => exception switch
    {
        AggregateException agg when agg.InnerExceptions.FirstOrDefault(e => e is ApiException) is { } api => api,
        AggregateException { InnerExceptions.Count: 1 } agg => Innermost(agg.InnerExceptions[0]),
        _ => exception,
    };

    /// <summary>Graph's own Retry-After when it sent one (whole seconds, at least 1), else the default.</summary>
    private static int Wait(ApiException e, int fallback)
    {
        var header = e.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return RetryAfter.Parse(header, DateTimeOffset.UtcNow) is { } wait ? (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, 300) : fallback;
    }

    /// <summary>Graph's claims challenge, passed on so the pane can ask for a token that satisfies it.</summary>
    private static string Challenge(ApiException e)
    {
        var graph = e.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, "WWW-Authenticate", StringComparison.OrdinalIgnoreCase)).Value ?? [];
        foreach (var value in graph)
            if (ClaimsParameter().Match(value) is { Success: true } m)
                return ClaimsChallenge(m.Groups[1].Value);
        return "Bearer error=\"invalid_token\", error_description=\"Microsoft Graph did not accept the sign-in\"";
    }

    /// <summary>MSAL gives the claims as JSON; a challenge carries them base64-encoded, as Graph does.</summary>
    private static string Challenge(string? claims) =>
        string.IsNullOrWhiteSpace(claims)
            ? "Bearer error=\"interaction_required\", error_description=\"Microsoft Graph needs a new sign-in\""
            : ClaimsChallenge(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(claims)));

    private static string ClaimsChallenge(string base64Claims) =>
        $"Bearer error=\"insufficient_claims\", error_description=\"Microsoft Graph needs a new sign-in\", claims=\"{base64Claims}\"";

    [GeneratedRegex("claims=\"([A-Za-z0-9+/=_\\-.]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ClaimsParameter();
}
