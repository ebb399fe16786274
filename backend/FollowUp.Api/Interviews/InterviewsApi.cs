using FollowUp.Api.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FollowUp.Api.Interviews;

public static class InterviewsApi
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(93);

    public static IEndpointRouteBuilder MapInterviews(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/interviews").WithTags("Interviews");
        group.MapGet("/", List)
            .WithSummary("Interviews in a calendar window")
            .WithDescription("Only events judged job interviews where the user is the candidate, with whom to thank and where each thank-you stands. Default window: the last 14 and the next 14 days.");
        group.MapPost("/resolve", Resolve)
            .WithSummary("Judge one appointment")
            .WithDescription("Looks the event up in the calendar by id; when the calendar does not hold it, judges the appointment as Outlook describes it. isInterview may be false.");
        return api;
    }

    /// <summary>Interviews between <paramref name="from"/> and <paramref name="to"/> (ISO 8601).</summary>
    public static async Task<Results<Ok<IReadOnlyList<InterviewView>>, ValidationProblem>> List(
        DateTimeOffset? from, DateTimeOffset? to, InterviewDesk desk, CancellationToken ct)
    {
        var now = desk.Now;
        if (Window.Check(from ?? now - InterviewDesk.DefaultLookBack, to ?? now + InterviewDesk.DefaultLookAhead) is { } problem) return problem;
        return TypedResults.Ok(await desk.InterviewsAsync(from ?? now - InterviewDesk.DefaultLookBack, to ?? now + InterviewDesk.DefaultLookAhead, ct));
    }

    public static async Task<Results<Ok<InterviewView>, ValidationProblem>> Resolve(AppointmentItem item, InterviewDesk desk, CancellationToken ct)
    {
        if (item.Start is null || item.End is null)
            return Problems.Invalid("start", "The appointment's start and end are required.");
        var judged = await desk.FindAsync(string.IsNullOrWhiteSpace(item.EventId) ? $"item:{Guid.NewGuid():N}" : item.EventId, item, ct);
        return TypedResults.Ok(await desk.ViewAsync(judged!, ct));
    }
}

/// <summary>Checks a calendar window asked for by a client.</summary>
public static class Window
{
    public static ValidationProblem? Check(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return Problems.Invalid("to", "'to' must be later than 'from'.");
        if (to - from > InterviewsApi.MaxWindow)
            return Problems.Invalid("to", $"The window may span at most {InterviewsApi.MaxWindow.TotalDays:0} days.");
        return null;
    }
}
