using FollowUp.Api.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Identity.Web;

namespace FollowUp.Api.Extensions;

public static class IdentityExtensions
{
    public const string UserPolicy = "FollowUpUser";
    public const string ApiScope = "access_as_user";

    /// <summary>Microsoft.Identity.Web token validation and on-behalf-of Graph tokens, or the demo identity.</summary>
    public static DeploymentMode AddFollowUpIdentity(this WebApplicationBuilder builder)
    {
        var mode = DeploymentMode.From(builder.Configuration);
        builder.Services.AddSingleton(mode);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();

        if (mode.IsDemo)
        {
            builder.Services.AddAuthentication(DeploymentMode.DemoScheme)
                .AddScheme<AuthenticationSchemeOptions, DemoAuthenticationHandler>(DeploymentMode.DemoScheme, null);
        }
        else
        {
            builder.Services.AddAuthentication(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"))
                .EnableTokenAcquisitionToCallDownstreamApi()
                .AddDistributedTokenCaches();
        }

        builder.Services.AddAuthorizationBuilder().AddPolicy(UserPolicy, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.FindAll("scp").Concat(context.User.FindAll("http://schemas.microsoft.com/identity/claims/scope"))
                .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Contains(ApiScope, StringComparer.Ordinal)));
        return mode;
    }
}
