using Microsoft.AspNetCore.Http.HttpResults;

namespace FollowUp.Api.Extensions;

/// <summary>ProblemDetails answers shared by the features (served as application/problem+json).</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
