using System.Security.Claims;
using System.Text.Encodings.Web;
using FollowUp.Api.Demo;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FollowUp.Api.Identity;

/// <summary>Demo mode only: every caller is the sample mailbox's owner, so the pane needs no sign-in.</summary>
public sealed class DemoAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SampleMailbox mailbox)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = new ClaimsIdentity(
        [
            new Claim("tid", "demo"),
            new Claim("oid", "demo-user"),
            new Claim("name", mailbox.Owner.Name),
            new Claim("preferred_username", mailbox.Owner.Address),
            new Claim("scp", "access_as_user"),
        ], DeploymentMode.DemoScheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), DeploymentMode.DemoScheme)));
    }
}
