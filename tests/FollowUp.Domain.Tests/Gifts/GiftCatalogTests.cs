using System.Text.Json;
using FollowUp.Domain.Gifts;
using FollowUp.Domain.Interests;

namespace FollowUp.Domain.Tests.Gifts;

/// <summary>The schema of gifts.json and the catalog's lookups.</summary>
public class GiftCatalogTests
{
    private sealed record Entry(string Topic, string Title, string Url, string Why, string? Kind);

    private static readonly Entry[] Entries = ReadEntries();

    private static Entry[] ReadEntries()
    {
        var assembly = typeof(GiftCatalog).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("gifts.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.GetProperty("gifts").Deserialize<Entry[]>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    // Hosts and address parts that mean a purchase, an affiliate or tracking.
    private static readonly string[] DeniedHostParts =
        ["amazon.", "amzn.", "etsy.", "ebay.", "shop.", "store.", "shopify", "walmart.", "target.com", "bookshop.", "barnesandnoble.",
         "audible.", "aliexpress.", "giftcard", "gift-card", "starbucks.", "tinyurl.", "awin", "skimlinks", "linksynergy"];
    private static readonly string[] DeniedHosts = ["t.co", "bit.ly", "amzn.to", "goo.gl", "ow.ly"];
    private static readonly string[] DeniedAddressParts =
        ["/product", "/products/", "/shop", "/store", "/buy", "/cart", "/checkout", "/dp/", "gift-card", "giftcard", "/affiliate"];
    private static readonly string[] DeniedQueryKeys = ["tag", "ref", "aff", "affid", "affiliate", "partner", "campaign", "gclid", "fbclid", "mc_cid"];
    private static readonly string[] Kinds = ["article", "pattern", "guide", "map", "list", "pamphlet", "recipe", "archive", "video"];

    [Fact]
    public void Every_interest_topic_has_at_least_two_gifts()
    {
        foreach (var topic in InterestExtractor.Default.Topics)
            Assert.True(GiftCatalog.Default.For(topic).Count >= 2, $"'{topic}' has {GiftCatalog.Default.For(topic).Count} gifts");
    }

    [Fact]
    public void Every_gift_is_for_a_known_interest_topic()
    {
        var known = InterestExtractor.Default.Topics.ToHashSet(StringComparer.Ordinal);
        Assert.All(Entries, e => Assert.Contains(e.Topic, known));
        Assert.Equal(known.Order(), GiftCatalog.Default.Topics.Order());
    }

    [Fact]
    public void Gift_links_are_absolute_https_pages_without_shops_affiliates_or_tracking()
    {
        foreach (var e in Entries)
        {
            Assert.True(Uri.TryCreate(e.Url, UriKind.Absolute, out var uri), e.Url);
            Assert.Equal("https", uri.Scheme);
            Assert.True(uri.IsDefaultPort && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Fragment), e.Url);
            var host = uri.Host.ToLowerInvariant();
            Assert.DoesNotContain(DeniedHostParts, d => host.Contains(d, StringComparison.Ordinal));
            Assert.DoesNotContain(host, DeniedHosts);
            var path = uri.AbsolutePath.ToLowerInvariant();
            Assert.DoesNotContain(DeniedAddressParts, d => path.Contains(d, StringComparison.Ordinal));
            var query = uri.Query.TrimStart('?').ToLowerInvariant();
            Assert.DoesNotContain("utm_", query, StringComparison.Ordinal);
            var keys = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]);
            Assert.DoesNotContain(keys, k => DeniedQueryKeys.Contains(k));
        }
    }

    [Fact]
    public void No_gift_link_is_listed_twice()
    {
        var duplicates = Entries.GroupBy(e => e.Url.TrimEnd('/'), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_gift_has_a_title_a_short_reason_and_a_known_kind()
    {
        foreach (var e in Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Title), e.Url);
            Assert.False(string.IsNullOrWhiteSpace(e.Why), e.Url);
            Assert.True(e.Why.Length <= 160, $"{e.Url}: why is {e.Why.Length} characters");
            Assert.Contains(e.Kind ?? "article", Kinds);
        }
    }

    [Fact]
    public void Gift_topics_are_lower_case()
    {
        Assert.All(GiftCatalog.Default.Topics, t => Assert.Equal(t.ToLowerInvariant(), t));
        Assert.Equal(GiftCatalog.Default.Topics.Count, GiftCatalog.Default.Topics.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Topic_lookup_ignores_case()
    {
        Assert.Equal(GiftCatalog.Default.For("classic movies"), GiftCatalog.Default.For("Classic Movies"));
        Assert.NotEmpty(GiftCatalog.Default.For("KNITTING"));
    }

    [Fact]
    public void Unknown_topic_gets_no_gifts()
    {
        Assert.Empty(GiftCatalog.Default.For("underwater basket weaving"));
        Assert.Empty(GiftCatalog.Default.For(""));
    }

    [Fact]
    public void Gifts_keep_their_curated_order()
    {
        var fromFile = Entries.Where(e => e.Topic == "knitting").Select(e => e.Url);
        Assert.Equal(fromFile, GiftCatalog.Default.For("knitting").Select(g => g.Url));
    }
}
