using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace FollowUp.Api.Extensions;

/// <summary>Graph failures become clean 502/503/504 ProblemDetails with Retry-After, never a 500.</summary>
public sealed class GraphFailureHandler(IProblemDetailsService problems, ILogger<GraphFailureHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, retryAfter) = Classify(exception);
        if (status == 0) return false;
        log.LogWarning("Graph call failed: {Kind} {GraphStatus}", exception.GetType().Name, (exception as ApiException)?.ResponseStatusCode);
        context.Response.StatusCode = status;
        if (retryAfter is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = "Microsoft Graph did not answer as expected. Please try again shortly." },
        });
    }

    internal static (int Status, string Title, int? RetryAfter) Classify(Exception exception) => exception switch
    {
        AggregateException agg when agg.InnerExceptions.Any(e => e is ApiException) =>
            (StatusCodes.Status503ServiceUnavailable, "Microsoft Graph is busy", 30),
        ApiException { ResponseStatusCode: 429 or 503 } => (StatusCodes.Status503ServiceUnavailable, "Microsoft Graph is busy", 30),
        ApiException { ResponseStatusCode: 504 } => (StatusCodes.Status504GatewayTimeout, "Microsoft Graph timed out", 10),
        ApiException => (StatusCodes.Status502BadGateway, "Microsoft Graph failed", 10),
        TaskCanceledException or TimeoutException => (StatusCodes.Status504GatewayTimeout, "Microsoft Graph timed out", 10),
        HttpRequestException => (StatusCodes.Status502BadGateway, "Microsoft Graph could not be reached", 10),
        _ => (0, "", null),
    };
}
