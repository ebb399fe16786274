using System.Security.Claims;

namespace FollowUp.Api.Identity;

/// <summary>The caller, from the validated token (or the demo identity): records are keyed by tenant and object id.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    // Read once per request: every query and cache key asks for the tenant and object id.
    private string? _tenantId, _objectId, _name, _email;

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    private string? Claim(string first, string second, string? third = null, string? fourth = null, string? fifth = null)
    {
        var principal = Principal;
        foreach (var type in (ReadOnlySpan<string?>)[first, second, third, fourth, fifth])
        {
            if (type is null) break;
            var value = principal.FindFirst(type)?.Value;
            if (!string.IsNullOrWhiteSpace(value)) return value;
        }
        return null;
    }

    public string TenantId => _tenantId ??= Claim("tid", "http://schemas.microsoft.com/identity/claims/tenantid")
        ?? throw new InvalidOperationException("The caller's token carries no tenant id.");

    public string ObjectId => _objectId ??= Claim("oid", "http://schemas.microsoft.com/identity/claims/objectidentifier")
        ?? throw new InvalidOperationException("The caller's token carries no object id.");

    public string Name => _name ??= Claim("name", ClaimTypes.Name) ?? "";

    public string Email => _email ??= Claim("preferred_username", "email", "upn", ClaimTypes.Email, ClaimTypes.Upn) ?? "";

    public ClaimsPrincipal User => Principal;
}
