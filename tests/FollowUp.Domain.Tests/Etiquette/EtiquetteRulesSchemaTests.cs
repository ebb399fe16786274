using System.Text.Json;

namespace FollowUp.Domain.Tests.Etiquette;

public class EtiquetteRulesSchemaTests
{
    private static JsonElement Rules()
    {
        var assembly = typeof(FollowUp.Domain.Etiquette.EtiquetteChecker).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("etiquette-rules.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    [Fact]
    public void Etiquette_rules_have_every_list_non_empty_and_lower_case()
    {
        var rules = Rules();
        foreach (var list in new[] { "greetingWords", "genericAddressees", "honorifics", "reargue", "slotStopWords", "teamWords",
                     "shopHosts", "shopHostPrefixes", "shopUrlParts", "shorteners", "trackingParams" })
        {
            var items = rules.GetProperty(list).EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.NotEmpty(items);
            Assert.All(items, i => Assert.Equal(i.Trim().ToLowerInvariant(), i));
            Assert.Equal(items.Count, items.Distinct().Count());
        }
    }

    [Fact]
    public void Ask_rules_have_a_phrase_and_a_known_severity()
    {
        var asks = Rules().GetProperty("asks").EnumerateArray().ToList();
        Assert.NotEmpty(asks);
        Assert.All(asks, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("phrase").GetString()));
            Assert.Contains(a.GetProperty("severity").GetString(), new[] { "info", "warning", "error" });
        });
    }

    [Fact]
    public void Word_limits_leave_room_for_a_real_letter()
    {
        var rules = Rules();
        Assert.InRange(rules.GetProperty("minWords").GetInt32(), 20, 100);
        Assert.InRange(rules.GetProperty("maxWords").GetInt32(), 200, 400);
    }
}
