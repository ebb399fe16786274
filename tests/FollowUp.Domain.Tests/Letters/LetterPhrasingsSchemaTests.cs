using System.Text.Json;
using System.Text.RegularExpressions;

namespace FollowUp.Domain.Tests.Letters;

public class LetterPhrasingsSchemaTests
{
    private static readonly string[] Lists =
        ["greetings", "openings", "conversation", "recallDetail", "recallTalk", "recallInterest", "recallGeneric",
         "giftWithInterest", "gift", "closes", "thanks", "fillers", "signoffs"];

    private static readonly HashSet<string> Placeholders =
        ["first", "day", "about", "team", "role", "interest", "detail", "talk", "kind", "a_kind", "link"];

    private static JsonElement Phrasings()
    {
        var assembly = typeof(FollowUp.Domain.Letters.ThankYouComposer).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("letter-phrasings.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    private static IEnumerable<(string List, string Text)> Sentences(JsonElement root) =>
        Lists.SelectMany(l => root.GetProperty(l).EnumerateArray().Select(e => (l, e.GetString()!)));

    [Fact]
    public void Every_list_has_at_least_five_distinct_variants_for_a_panel_of_five()
    {
        var root = Phrasings();
        foreach (var list in Lists)
        {
            var items = root.GetProperty(list).EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.True(items.Count >= 5, list);
            if (list != "greetings") Assert.Equal(items.Count, items.Distinct().Count());
        }
        Assert.True(root.GetProperty("fillers").GetArrayLength() >= 10, "fillers step by five and need two rounds");
    }

    [Fact]
    public void Templates_use_only_known_placeholders_and_the_ones_their_slot_needs()
    {
        var root = Phrasings();
        foreach (var (list, text) in Sentences(root))
        {
            foreach (Match m in Regex.Matches(text, @"\{(\w+)\}")) Assert.Contains(m.Groups[1].Value, Placeholders);
            Assert.Equal(text.Count(c => c == '{'), text.Count(c => c == '}'));
            if (list is "recallDetail") Assert.Contains("{detail}", text);
            if (list is "recallTalk") Assert.Contains("{talk}", text);
            if (list is "recallInterest" or "giftWithInterest") Assert.Contains("{interest}", text);
            if (list is "gift" or "giftWithInterest") Assert.Single(Regex.Matches(text, @"\{link\}"));
            if (list is not ("gift" or "giftWithInterest")) Assert.DoesNotContain("{link}", text);
            Assert.DoesNotMatch(@"\ba \{kind\}", text); // "a article": use {a_kind}
            if (list is "openings") { Assert.Contains("{day}", text); Assert.Contains("{about}", text); }
        }
    }

    [Fact]
    public void Phrasings_ask_for_nothing()
    {
        foreach (var (_, text) in Sentences(Phrasings()))
            Assert.DoesNotMatch(@"(?i)salary|compensation|next steps|hear back|offer|let me know|notes", text);
    }

    [Fact]
    public void Second_person_rules_are_lower_case_word_lists()
    {
        var rules = Phrasings().GetProperty("secondPerson");
        foreach (var list in new[] { "adverbs", "plainVerbs", "talkOpeners", "unsafeWords" })
            Assert.All(rules.GetProperty(list).EnumerateArray(), e => Assert.Equal(e.GetString()!.ToLowerInvariant(), e.GetString()));
        Assert.All(rules.GetProperty("verbs").EnumerateObject(), p => Assert.NotEqual(p.Name, p.Value.GetString()));
    }
}
