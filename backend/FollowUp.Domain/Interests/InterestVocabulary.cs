using System.Text.Json;

namespace FollowUp.Domain.Interests;

/// <summary>One interest of interests.json: its topic, the letter's phrase, and the words that name it.</summary>
internal sealed record InterestEntry(string Topic, string Phrase, string[] Terms, string[]? Weak, string[]? Broader);

/// <summary>interests.json as written: the interests and the small word lists that judge a mention.</summary>
internal sealed record InterestVocabulary(
    string[] PassionCues,
    string[] HabitCues,
    string[] Negations,
    string[] NegationExceptions,
    string[] SelfMarkers,
    string[] OtherMarkers,
    string[] FamilyMarkers,
    string[] PlaceWords,
    string[] SharedMarkers,
    string[] JobWords,
    string[] Honorifics,
    string[] ClauseBreakWords,
    string[] NotInterests,
    string[] CoachingVerbs,
    string[] TeamWords,
    string[] DomainEndings,
    string[] CompanyWords,
    string[] IntoLeads,
    string[] TrailingNegations,
    string[] NameLeads,
    string[] Corrections,
    string[] MediumWords,
    string[] ContrastWords,
    string[] AttendanceVerbs,
    InterestEntry[] Interests)
{
    public const string ResourceName = "FollowUp.Domain.Interests.interests.json";

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static InterestVocabulary Embedded()
    {
        using var stream = EmbeddedData.Open(ResourceName);
        return Parse(stream);
    }

    public static InterestVocabulary Parse(Stream json) =>
        JsonSerializer.Deserialize<InterestVocabulary>(json, Options)
        ?? throw new InvalidOperationException("interests.json is empty.");
}
