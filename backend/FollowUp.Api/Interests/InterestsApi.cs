using FollowUp.Api.Extensions;
using FollowUp.Api.Drafts;
using FollowUp.Domain.Gifts;
using FollowUp.Domain.Interests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FollowUp.Api.Interests;

public sealed record ExtractRequest(string? Notes);

public sealed record ExtractResult(IReadOnlyList<InterestMatch> Interests);

public static class InterestsApi
{
    public static IEndpointRouteBuilder MapInterests(this IEndpointRouteBuilder api)
    {
        api.MapPost("/interests/extract", Extract).WithTags("Interests")
            .WithSummary("Find the interviewer's interests in notes")
            .WithDescription("Main interest first, each with the words of the notes that show it.");
        api.MapGet("/gifts", Gifts).WithTags("Interests")
            .WithSummary("Intellectual gifts for an interest")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Free, reputable pages (articles, patterns, guides) about the interest: never a purchase.");
        return api;
    }

    public static Results<Ok<ExtractResult>, ValidationProblem> Extract(ExtractRequest request)
    {
        if (request.Notes is null) return Problems.Invalid("notes", "notes is required.");
        if (request.Notes.Length > DraftsApi.MaxNotesLength)
            return Problems.Invalid("notes", $"Notes may hold at most {DraftsApi.MaxNotesLength} characters ({request.Notes.Length} sent).");
        return TypedResults.Ok(new ExtractResult(InterestExtractor.Default.Extract(request.Notes)));
    }

    /// <summary>Gifts for a topic ("knitting"); a word of the notes ("knits") is understood too.</summary>
    public static Results<Ok<IReadOnlyList<Gift>>, ProblemHttpResult, ValidationProblem> Gifts(string? interest)
    {
        if (string.IsNullOrWhiteSpace(interest)) return Problems.Invalid("interest", "interest is required, e.g. ?interest=knitting.");
        if (interest.Length > 200) return Problems.Invalid("interest", "interest may hold at most 200 characters.");
        var gifts = GiftCatalog.Default.For(interest.Trim());
        if (gifts.Count == 0 && InterestExtractor.Default.Extract(interest).FirstOrDefault() is { } understood)
            gifts = GiftCatalog.Default.For(understood.Topic);
        return gifts.Count == 0
            ? Problems.NotFound("Unknown interest", "No gifts are known for this interest.")
            : TypedResults.Ok(gifts);
    }
}
