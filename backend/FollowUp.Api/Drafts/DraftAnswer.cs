using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace FollowUp.Api.Drafts;

/// <summary>
/// A <see cref="DraftView"/> already serialised: the same letter is asked for again and again while the user types or
/// clicks twice, and its JSON is written once per letter (see <see cref="WrittenLetter"/>), not once per request.
/// </summary>
public sealed class DraftAnswer(byte[] utf8Json) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = utf8Json.Length;
        await response.BodyWriter.WriteAsync(utf8Json, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(DraftView), ["application/json"]));
}
