namespace FollowUp.Api.Resilience;

/// <summary>
/// Every request leaves for the configured Graph base URL only: an <c>@odata.nextLink</c> or redirect to another
/// host (or outside the base path) is refused, so the caller's data and token go nowhere else.
/// </summary>
public sealed class GraphEndpointGuard(Uri baseUrl) : DelegatingHandler
{
    private readonly string _basePath = baseUrl.AbsolutePath.TrimEnd('/') + "/";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (!Allows(request.RequestUri))
            throw new GraphAnswerException("Microsoft Graph pointed to an address outside its base URL.");
        return base.SendAsync(request, ct);
    }

    internal bool Allows(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
        && uri.Scheme == baseUrl.Scheme
        && string.Equals(uri.IdnHost, baseUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == baseUrl.Port
        && (uri.AbsolutePath + "/").StartsWith(_basePath, StringComparison.OrdinalIgnoreCase);
}
