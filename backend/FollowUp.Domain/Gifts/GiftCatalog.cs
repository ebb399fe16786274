using System.Text.Json;
using FollowUp.Domain.Interests;

namespace FollowUp.Domain.Gifts;

/// <summary>Curated "intellectual gifts" (free, reputable pages) per interest topic, from gifts.json.</summary>
public sealed class GiftCatalog
{
    internal const string ResourceName = "FollowUp.Domain.Gifts.gifts.json";

    private static readonly Lazy<GiftCatalog> Embedded = new(() =>
    {
        using var stream = EmbeddedData.Open(ResourceName);
        return new GiftCatalog(Parse(stream));
    });

    private readonly Dictionary<string, Gift[]> _byTopic;

    /// <summary>The catalog built from the embedded gifts.json.</summary>
    public static GiftCatalog Default => Embedded.Value;

    internal GiftCatalog(IEnumerable<GiftEntry> entries)
    {
        _byTopic = entries
            .GroupBy(e => e.Topic, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g => g.Select(e => new Gift(e.Title, e.Url, e.Why, string.IsNullOrWhiteSpace(e.Kind) ? "article" : e.Kind)).ToArray(),
                StringComparer.OrdinalIgnoreCase);
        Topics = _byTopic.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every topic that has gifts.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>The gifts for a topic, best first (case-insensitive); empty for an unknown topic.</summary>
    public IReadOnlyList<Gift> For(string topic) =>
        topic is not null && _byTopic.TryGetValue(topic.Trim(), out var gifts) ? gifts : [];

    internal sealed record GiftEntry(string Topic, string Title, string Url, string Why, string? Kind);

    private sealed record GiftFile(GiftEntry[] Gifts);

    internal static GiftEntry[] Parse(Stream json) =>
        JsonSerializer.Deserialize<GiftFile>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })?.Gifts
        ?? throw new InvalidOperationException("gifts.json is empty.");
}
