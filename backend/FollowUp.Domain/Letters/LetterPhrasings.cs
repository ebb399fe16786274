using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowUp.Domain.Letters;

/// <summary>The curated sentences a letter is built from (letter-phrasings.json).</summary>
internal sealed record LetterPhrasings
{
    public required string[] Greetings { get; init; }
    public required string AnonymousGreeting { get; init; }
    public required string[] Openings { get; init; }
    public required string[] Conversation { get; init; }
    public required string[] RecallDetail { get; init; }
    public required string[] RecallTalk { get; init; }
    public required string[] RecallInterest { get; init; }
    public required string[] RecallGeneric { get; init; }
    public required string[] GiftWithInterest { get; init; }
    public required string[] Gift { get; init; }
    public required string[] Closes { get; init; }
    public required string[] Thanks { get; init; }
    public required string[] Fillers { get; init; }
    public required string[] Signoffs { get; init; }
    public required string UnsignedSignoff { get; init; }
    public required SecondPersonRules SecondPerson { get; init; }

    private static readonly Lazy<LetterPhrasings> Embedded = new(() => Load("Letters.letter-phrasings.json"));

    public static LetterPhrasings Default => Embedded.Value;

    private static LetterPhrasings Load(string resource)
    {
        using var stream = EmbeddedData.Open(typeof(LetterPhrasings).Assembly, resource);
        return JsonSerializer.Deserialize<LetterPhrasings>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"Empty resource {resource}.");
    }

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}

/// <summary>Word lists that let a clause of the notes be retold in the second person.</summary>
internal sealed record SecondPersonRules
{
    public required Dictionary<string, string> Verbs { get; init; }
    public required string[] Adverbs { get; init; }
    public required string[] PlainVerbs { get; init; }
    public required string[] TalkOpeners { get; init; }
    public required string[] UnsafeWords { get; init; }
}

/// <summary>Opens an embedded data file by folder and name, whichever separator the build put between them.</summary>
internal static class EmbeddedData
{
    public static Stream Open(System.Reflection.Assembly assembly, string folderDotFile)
    {
        var exact = "FollowUp.Domain." + folderDotFile;
        var dot = folderDotFile.IndexOf('.');
        var slashed = "FollowUp.Domain." + folderDotFile[..dot] + "/" + folderDotFile[(dot + 1)..];
        var stream = assembly.GetManifestResourceStream(exact) ?? assembly.GetManifestResourceStream(slashed);
        return stream ?? throw new InvalidOperationException($"Missing embedded resource {exact}.");
    }
}
