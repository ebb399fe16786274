using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowUp.Domain.Etiquette;

/// <summary>The curated phrases and deny lists a letter is reviewed against (etiquette-rules.json).</summary>
internal sealed record EtiquetteRules
{
    public required int MinWords { get; init; }
    public required int MaxWords { get; init; }
    public required string[] GreetingWords { get; init; }
    public required string[] GenericAddressees { get; init; }
    public required string[] Honorifics { get; init; }
    public required AskRule[] Asks { get; init; }
    public required string[] Reargue { get; init; }
    public required string[] SlotStopWords { get; init; }
    public required string[] TeamWords { get; init; }
    public required string[] ShopHosts { get; init; }
    public required string[] ShopHostPrefixes { get; init; }
    public required string[] ShopUrlParts { get; init; }
    public required string[] Shorteners { get; init; }
    public required string[] TrackingParams { get; init; }

    private static readonly Lazy<EtiquetteRules> Embedded = new(() =>
    {
        const string resource = "Etiquette.etiquette-rules.json";
        using var stream = Letters.EmbeddedData.Open(typeof(EtiquetteRules).Assembly, resource);
        return JsonSerializer.Deserialize<EtiquetteRules>(stream, new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        }) ?? throw new InvalidOperationException($"Empty resource {resource}.");
    });

    public static EtiquetteRules Default => Embedded.Value;
}

/// <summary>A phrase that asks for something a thank-you letter should not ask for.</summary>
internal sealed record AskRule(string Phrase, string Severity);

/// <summary>Judges a link: https, and not a shop, gift card or tracking link.</summary>
internal sealed class LinkJudge
{
    private readonly EtiquetteRules _rules;
    private readonly HashSet<string> _shorteners;

    private static readonly Lazy<LinkJudge> Embedded = new(() => new LinkJudge(EtiquetteRules.Default));
    public static LinkJudge Default => Embedded.Value;

    public LinkJudge(EtiquetteRules rules)
    {
        _rules = rules;
        _shorteners = new HashSet<string>(rules.Shorteners, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The finding code for a bad link (insecure-link, shop-link, tracking-link), or null when it is fine.</summary>
    public string? Judge(string url)
    {
        if (url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) return null;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps) return "insecure-link";
        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        if (_shorteners.Contains(host)) return "tracking-link";
        foreach (var shop in _rules.ShopHosts)
            if (host.StartsWith(shop, StringComparison.Ordinal) || host.Contains("." + shop, StringComparison.Ordinal)) return "shop-link";
        foreach (var prefix in _rules.ShopHostPrefixes)
            if (host.StartsWith(prefix, StringComparison.Ordinal)) return "shop-link";
        var path = uri.AbsolutePath.ToLowerInvariant();
        var rest = path + uri.Query.ToLowerInvariant();
        foreach (var part in _rules.ShopUrlParts)
        {
            if (part[0] != '/')
            {
                if (rest.Contains(part, StringComparison.Ordinal) || host.Contains(part, StringComparison.Ordinal)) return "shop-link";
                continue;
            }
            // Path parts match whole segments: "/product/12" is a shop page, "/wiki/Product_design" is not.
            var segment = part.TrimEnd('/');
            if (path.EndsWith(segment, StringComparison.Ordinal) || path.Contains(segment + "/", StringComparison.Ordinal)) return "shop-link";
        }
        return HasTrackingParam(uri.Query) ? "tracking-link" : null;
    }

    private bool HasTrackingParam(string query)
    {
        if (query.Length < 2) return false;
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            foreach (var p in _rules.TrackingParams)
                if (p.EndsWith('_') ? name.StartsWith(p, StringComparison.Ordinal) : name == p) return true;
        }
        return false;
    }
}
