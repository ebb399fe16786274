using System.Text.Json;

namespace FollowUp.Domain.Detection;

/// <summary>Reads a curated JSON data file embedded in this assembly.</summary>
internal static class EmbeddedJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static T Load<T>(string logicalName)
    {
        using var stream = EmbeddedData.Open(logicalName);
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidOperationException($"Embedded data file {logicalName} is empty.");
    }
}
