using System.Security.Claims;

namespace FollowUp.Api.Identity;

/// <summary>The caller, from the validated token (or the demo identity): records are keyed by tenant and object id.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    private string? Claim(params string[] types) =>
        types.Select(t => Principal.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    public string TenantId => Claim("tid", "http://schemas.microsoft.com/identity/claims/tenantid")
        ?? throw new InvalidOperationException("The caller's token carries no tenant id.");

    public string ObjectId => Claim("oid", "http://schemas.microsoft.com/identity/claims/objectidentifier")
        ?? throw new InvalidOperationException("The caller's token carries no object id.");

    public string Name => Claim("name", ClaimTypes.Name) ?? "";

    public string Email => Claim("preferred_username", "email", "upn", ClaimTypes.Email, ClaimTypes.Upn) ?? "";

    public ClaimsPrincipal User => Principal;
}
