namespace FollowUp.Api.Identity;

/// <summary>
/// Demo when no Azure AD app is configured: the sample mailbox and a fixed demo user. With an <c>AzureAd</c>
/// section that names a client id, demo mode can never be active.
/// </summary>
public sealed record DeploymentMode(bool IsDemo, string? ClientId, string? ApiScope, string? Authority)
{
    public const string DemoScheme = "Demo";

    public static DeploymentMode From(IConfiguration config)
    {
        var azureAd = config.GetSection("AzureAd");
        var clientId = azureAd["ClientId"];
        if (string.IsNullOrWhiteSpace(clientId)) return new DeploymentMode(true, null, null, null);
        var instance = (azureAd["Instance"] ?? "https://login.microsoftonline.com/").TrimEnd('/');
        var tenant = azureAd["TenantId"] ?? "common";
        var audience = azureAd["Audience"] ?? $"api://{clientId}";
        return new DeploymentMode(false, clientId, $"{audience}/access_as_user", $"{instance}/{tenant}");
    }
}
