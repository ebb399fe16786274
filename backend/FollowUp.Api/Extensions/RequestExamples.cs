using System.Text.Json.Nodes;
using FollowUp.Api.Drafts;
using FollowUp.Api.FollowUps;
using FollowUp.Api.Interests;
using FollowUp.Api.Interviews;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace FollowUp.Api.Extensions;

/// <summary>Worked examples for the request bodies, so Swagger's "Try it out" starts from something real.</summary>
public sealed class RequestExamples : ISchemaFilter
{
    private static readonly Dictionary<Type, Func<JsonNode>> Examples = new()
    {
        [typeof(DraftRequest)] = () => new JsonObject
        {
            ["eventId"] = "AAMkADk2NzE3ZDQ1LWY4MjgtNGE3Yy05MjE1LTBiMzFjNmU0ZDdhYQBGAAAAAAC7xQ0mZ3EfBwB4RGGpK26bCHmSTJoyrv8WeXmQLS-oBNB0gPwzCasXec=AAA=",
            ["interviewerEmail"] = "rahul.mehta@northwindtraders.com",
            ["notes"] = "He spends weekends at Joshua Tree with his kids; we talked about the streaming migration.",
            ["senderName"] = "Jordan Rivera",
            ["timeZone"] = "America/New_York",
        },
        [typeof(ExtractRequest)] = () => new JsonObject { ["notes"] = "She knitted the blanket on her sofa; we talked sweater patterns." },
        [typeof(StatusChange)] = () => new JsonObject { ["status"] = "dismissed" },
        [typeof(AppointmentItem)] = () => new JsonObject
        {
            ["eventId"] = "AAMkAGI1AAAoZDOFAAA=",
            ["subject"] = "Panel interview – Senior Data Engineer (Northwind Traders)",
            ["start"] = "2026-11-23T15:00:00Z",
            ["end"] = "2026-11-23T17:00:00Z",
            ["organizer"] = new JsonObject { ["name"] = "Elena Petrova", ["email"] = "elena.petrova@northwindtraders.com" },
            ["attendees"] = new JsonArray(
                new JsonObject { ["name"] = "Rahul Mehta", ["email"] = "rahul.mehta@northwindtraders.com", ["type"] = "required" },
                new JsonObject { ["name"] = "Conf Room 4B", ["email"] = "room4b@northwindtraders.com", ["type"] = "resource" }),
        },
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && Examples.TryGetValue(context.Type, out var example)) concrete.Examples = [example()];
    }
}
