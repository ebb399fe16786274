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
        var assembly = typeof(EmbeddedJson).Assembly;
        // The csproj's %(RecursiveDir) puts a path separator where the documented name has a dot; accept either.
        var actual = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.Replace('/', '.').Replace('\\', '.') == logicalName) ?? logicalName;
        using var stream = assembly.GetManifestResourceStream(actual)
            ?? throw new InvalidOperationException($"Embedded data file {logicalName} is missing.");
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidOperationException($"Embedded data file {logicalName} is empty.");
    }
}
