using FollowUp.Api.Interviews;
using FollowUp.Api.Storage;
using FollowUp.Domain.FollowUps;
using FollowUp.Api.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FollowUp.Api.FollowUps;

/// <summary>The status a client records for one thank-you: due, drafted, sent or dismissed.</summary>
public sealed record StatusChange(string? Status);

public static class FollowUpsApi
{
    public static IEndpointRouteBuilder MapFollowUps(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/followups").WithTags("Follow-ups");
        group.MapGet("/due", Due)
            .WithSummary("Thank-yous due, freshest first")
            .WithDescription("Ended interviews (not cancelled or declined) with interviewers not yet sent a letter nor dismissed. Looks back 14 days by default.");
        group.MapPut("/{eventId}/{interviewerEmail}/status", SetStatus)
            .WithSummary("Record where a thank-you stands");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<DueFollowUpView>>, ValidationProblem>> Due(
        DateTimeOffset? from, DateTimeOffset? to, InterviewDesk desk, CancellationToken ct)
    {
        var now = desk.Now;
        var window = (From: from ?? now - InterviewDesk.DefaultLookBack, To: to ?? now);
        if (Window.Check(window.From, window.To) is { } problem) return problem;
        return TypedResults.Ok(await desk.DueAsync(window.From, window.To, ct));
    }

    public static async Task<Results<NoContent, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem>> SetStatus(
        string eventId, string interviewerEmail, StatusChange change, InterviewDesk desk, FollowUpStore store, CancellationToken ct)
    {
        if (!FollowUpRules.TryParse(change.Status, out var status) || !FollowUpRules.Recordable.Contains(status))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["status must be one of: due, drafted, sent, dismissed."] });
        if (await store.FindAsync(eventId, interviewerEmail, ct) is null)
        {
            var judged = await desk.FindAsync(eventId, null, ct);
            if (judged is null) return Problems.NotFound("Unknown event", "The calendar has no event with this id.");
            if (!judged.Parties.Interviewers.Any(p => string.Equals(p.Email, interviewerEmail.Trim(), StringComparison.OrdinalIgnoreCase)))
                return Problems.NotFound("Unknown interviewer", "This person is not among the interviewers of the event.");
        }
        await store.SetStatusAsync(eventId, interviewerEmail, status, ct);
        return TypedResults.NoContent();
    }
}
