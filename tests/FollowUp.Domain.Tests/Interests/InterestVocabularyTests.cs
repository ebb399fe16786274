using System.Text.Json;
using FollowUp.Domain.Gifts;
using FollowUp.Domain.Interests;

namespace FollowUp.Domain.Tests.Interests;

/// <summary>The schema of interests.json: topics, phrases and the words that name them.</summary>
public class InterestVocabularyTests
{
    private static readonly JsonElement Root = ReadRoot();

    private static JsonElement ReadRoot()
    {
        var assembly = typeof(InterestExtractor).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("interests.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Interests => Root.GetProperty("interests").EnumerateArray();

    private static IEnumerable<string> Strings(JsonElement e, string property) =>
        e.TryGetProperty(property, out var list) ? list.EnumerateArray().Select(x => x.GetString()!) : [];

    [Fact]
    public void Vocabulary_has_at_least_65_unique_lower_case_topics()
    {
        var topics = Interests.Select(i => i.GetProperty("topic").GetString()!).ToArray();
        Assert.True(topics.Length >= 65, $"{topics.Length} topics");
        Assert.Equal(topics.Length, topics.Distinct().Count());
        Assert.All(topics, t => Assert.Equal(t.Trim().ToLowerInvariant(), t));
        Assert.Equal(topics, InterestExtractor.Default.Topics);
    }

    [Theory]
    [InlineData("knitting")]
    [InlineData("football")]
    [InlineData("classic movies")]
    [InlineData("desert camping")]
    [InlineData("american football")]
    public void Topics_the_product_promises_exist(string topic) => Assert.Contains(topic, InterestExtractor.Default.Topics);

    // The topic names the people who label notes were given: a note about a marathon is labelled "running".
    private const string LabellersTopics =
        "knitting, football, american football, basketball, baseball, cricket, tennis, golf, running, cycling, hiking, " +
        "rock climbing, surfing, sailing, skiing, yoga, chess, board games, video games, photography, birdwatching, gardening, " +
        "baking, cooking, wine, craft beer, jazz, classical music, opera, vinyl records, guitar, piano, theatre, poetry, " +
        "science fiction, astronomy, history, architecture, painting, pottery, woodworking, quilting, sewing, crochet, travel, " +
        "scuba diving, fishing, horse riding, dogs, cats, beekeeping, volunteering, classic movies, desert camping, anime, " +
        "comics, origami, formula 1, lego, stand-up comedy, dance, kayaking, mountaineering, meditation, genealogy";

    [Fact]
    public void Every_topic_labellers_name_exists_with_gifts()
    {
        foreach (var topic in LabellersTopics.Split(", "))
        {
            Assert.Contains(topic, InterestExtractor.Default.Topics);
            Assert.True(GiftCatalog.Default.For(topic).Count >= 2, topic);
        }
    }

    [Theory]
    [InlineData("marathons")]
    [InlineData("fly fishing")]
    [InlineData("national parks")]
    public void Sub_topics_of_a_labellers_topic_are_not_topics_of_their_own(string topic) =>
        Assert.DoesNotContain(topic, InterestExtractor.Default.Topics);

    [Fact]
    public void Every_topic_has_a_second_person_phrase_and_words_that_name_it()
    {
        foreach (var i in Interests)
        {
            var topic = i.GetProperty("topic").GetString()!;
            var phrase = i.GetProperty("phrase").GetString()!;
            Assert.StartsWith("your ", phrase);
            Assert.Equal(phrase, InterestExtractor.Default.PhraseFor(topic));
            Assert.NotEmpty(Strings(i, "terms"));
        }
    }

    [Fact]
    public void No_word_names_two_topics()
    {
        var owners = Interests
            .SelectMany(i => Strings(i, "terms").Concat(Strings(i, "weak")).Select(t => (term: t.ToLowerInvariant(), topic: i.GetProperty("topic").GetString())))
            .GroupBy(x => x.term)
            .Where(g => g.Select(x => x.topic).Distinct().Count() > 1)
            .Select(g => g.Key);
        Assert.Empty(owners);
    }

    [Fact]
    public void Broader_topics_refer_to_known_topics()
    {
        var topics = InterestExtractor.Default.Topics.ToHashSet();
        Assert.All(Interests.SelectMany(i => Strings(i, "broader")), b => Assert.Contains(b, topics));
    }

    [Fact]
    public void Judging_word_lists_are_present_and_lower_case()
    {
        foreach (var list in (string[])["passionCues", "habitCues", "negations", "negationExceptions", "selfMarkers", "otherMarkers", "familyMarkers", "placeWords", "sharedMarkers", "jobWords", "honorifics", "clauseBreakWords", "notInterests", "coachingVerbs", "teamWords", "domainEndings", "companyWords", "intoLeads", "trailingNegations", "nameLeads", "corrections", "mediumWords", "contrastWords", "attendanceVerbs"])
        {
            var words = Strings(Root, list).ToArray();
            Assert.True(words.Length > 0, list);
            Assert.All(words, w => Assert.Equal(w.ToLowerInvariant(), w));
        }
    }

    [Fact]
    public void Unknown_topic_gets_a_plain_phrase() =>
        Assert.Equal("your interest in falconry", InterestExtractor.Default.PhraseFor("falconry"));
}
