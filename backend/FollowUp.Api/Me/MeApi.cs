using FollowUp.Api.Identity;
using FollowUp.Api.Storage;
using FollowUp.Domain.Interests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FollowUp.Api.Me;

/// <summary>Everything FollowUp stores for the caller.</summary>
public sealed record MyData(string TenantId, string ObjectId, DateTimeOffset ExportedAt, IReadOnlyList<MyFollowUp> FollowUps);

/// <summary>One stored thank-you, notes and interests decrypted.</summary>
public sealed record MyFollowUp(
    string EventId, string InterviewerEmail, string? InterviewerName, string? Notes, IReadOnlyList<InterestMatch> Interests,
    string? GiftUrl, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? StatusChangedAt,
    string? OutlookDraftId, string? OutlookDraftWebLink, DateTimeOffset? ScheduledSendAt);

public static class MeApi
{
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/me").WithTags("Your data");
        group.MapGet("/data", Export)
            .WithSummary("Download everything stored for you")
            .WithDescription("Notes, interests, gift links, statuses and times of every thank-you, as a JSON attachment.");
        group.MapDelete("/data", Erase)
            .WithSummary("Erase everything stored for you")
            .WithDescription("Deletes every record kept for the signed-in user. Outlook drafts and sent mail are not touched.");
        return api;
    }

    public static async Task<Ok<MyData>> Export(FollowUpStore store, CurrentUser user, TimeProvider clock, HttpContext context, CancellationToken ct)
    {
        var records = await store.AllAsync(ct);
        var items = records.Select(r => new MyFollowUp(
            r.EventId, r.InterviewerEmail, r.InterviewerName, store.Notes(r), store.Interests(r), r.GiftUrl, r.Status,
            r.CreatedAt, r.UpdatedAt, r.StatusChangedAt, r.OutlookDraftId, r.OutlookDraftWebLink, r.ScheduledSendAt)).ToList();
        context.Response.Headers.ContentDisposition = "attachment; filename=\"followup-data.json\"";
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new MyData(user.TenantId, user.ObjectId, clock.GetUtcNow(), items));
    }

    public static async Task<NoContent> Erase(FollowUpStore store, CancellationToken ct)
    {
        await store.DeleteAllAsync(ct);
        return TypedResults.NoContent();
    }
}
