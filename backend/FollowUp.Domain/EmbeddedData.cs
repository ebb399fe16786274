namespace FollowUp.Domain;

/// <summary>Opens a curated data file embedded in the domain assembly (named FollowUp.Domain.Folder.file.json).</summary>
internal static class EmbeddedData
{
    public static Stream Open(string resourceName)
    {
        var name = resourceName.StartsWith("FollowUp.Domain.", StringComparison.Ordinal) ? resourceName : "FollowUp.Domain." + resourceName;
        return typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
    }
}
