using System.Text.Json;
using System.Text.Json.Serialization;
using FollowUp.Api.Drafts;
using FollowUp.Api.FollowUps;
using FollowUp.Api.Interests;
using FollowUp.Api.Interviews;

namespace FollowUp.Api.Extensions;

/// <summary>
/// Compile-time JSON contracts for the requests and answers the pane sends most (a draft on every pause in typing):
/// no reflection on the hot path. Other types still go through the default resolver.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DraftRequest))]
[JsonSerializable(typeof(DraftView))]
[JsonSerializable(typeof(CheckRequest))]
[JsonSerializable(typeof(CheckView))]
[JsonSerializable(typeof(ExtractRequest))]
[JsonSerializable(typeof(ExtractResult))]
[JsonSerializable(typeof(InterviewView))]
[JsonSerializable(typeof(IReadOnlyList<InterviewView>))]
[JsonSerializable(typeof(IReadOnlyList<DueFollowUpView>))]
[JsonSerializable(typeof(FollowUpSummary))]
internal sealed partial class ApiJson : JsonSerializerContext;

public static class ApiJsonExtensions
{
    public static void AddFollowUpJson(this WebApplicationBuilder builder) =>
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default));
}
