global using FollowUp.Api.Addin;
using System.Collections.Concurrent;
using System.Reflection;
using System.Security;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FollowUp.Api.Addin;

/// <summary>Serves the Outlook add-in manifests, rendered for the origin the request came to, and their icons.</summary>
public static class AddinApi
{
    /// <summary>The one base URL written in the committed manifests.</summary>
    public const string CommittedOrigin = "https://localhost:5001";
    const string CommittedHost = "localhost:5001";
    const string PlaceholderClientId = "00000000-0000-0000-0000-000000000000";
    const string ResourcePrefix = "FollowUp.Api.Addin.";

    static readonly ConcurrentDictionary<string, byte[]?> Resources = new();

    public static IEndpointRouteBuilder MapAddin(this IEndpointRouteBuilder app)
    {
        var addin = app.MapGroup("/addin").WithTags("Add-in").AllowAnonymous();
        addin.MapGet("/manifest.xml", (HttpRequest request, IConfiguration configuration) =>
            Manifest("manifest.xml", "application/xml; charset=utf-8", request, configuration, SecurityElement.Escape));
        addin.MapGet("/manifest.json", (HttpRequest request, IConfiguration configuration) =>
            Manifest("manifest.json", "application/json; charset=utf-8", request, configuration,
                text => JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(text)));
        addin.MapGet("/about.html", () =>
            Read("about.html") is { } page ? Results.Bytes(page, "text/html; charset=utf-8") : Results.NotFound());
        addin.MapGet("/assets/{name}", Icon);
        return app;
    }

    /// <summary>An icon by file name; only names shipped in the assembly resolve, so no path reaches the disk.</summary>
    public static Results<FileContentHttpResult, NotFound> Icon(string name) =>
        name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && Read($"assets.{name}") is { } png
            ? TypedResults.File(png, "image/png")
            : TypedResults.NotFound();

    /// <summary>The committed manifest with its base URL (and SSO resource host) replaced by this request's origin.</summary>
    public static string Render(string manifest, string scheme, string host, string? clientId, Func<string, string> encode)
    {
        var origin = $"{scheme}://{host}";
        var rendered = manifest
            .Replace(CommittedOrigin, encode(origin), StringComparison.Ordinal)
            .Replace($"api://{CommittedHost}/", encode($"api://{host}/"), StringComparison.Ordinal);
        return Guid.TryParse(clientId, out var id) && id != Guid.Empty
            ? rendered.Replace(PlaceholderClientId, id.ToString(), StringComparison.Ordinal)
            : rendered;
    }

    static IResult Manifest(string file, string contentType, HttpRequest request, IConfiguration configuration,
        Func<string, string> encode)
    {
        if (Read(file) is not { } bytes) return Results.NotFound();
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var body = Render(text, request.Scheme, request.Host.Value ?? CommittedHost, configuration["AzureAd:ClientId"], encode);
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return Results.Text(body, contentType);
    }

    static byte[]? Read(string name) => Resources.GetOrAdd(name, static key =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + key);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
