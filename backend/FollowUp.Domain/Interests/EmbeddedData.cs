namespace FollowUp.Domain.Interests;

/// <summary>Opens a data file embedded in the domain assembly.</summary>
internal static class EmbeddedData
{
    /// <summary>Finds the resource whatever separator the build put after the folder ("Interests/x.json" or "Interests.x.json").</summary>
    public static Stream Open(string dottedName)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.Replace('/', '.').Replace('\\', '.') == dottedName)
            ?? throw new InvalidOperationException($"Embedded resource {dottedName} is missing.");
        return assembly.GetManifestResourceStream(name)!;
    }
}
