using System.Runtime.CompilerServices;
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
    // One identity for the demo owner, built once: nothing in the app adds claims to it, and building it per request
    // (claims are copied into each new identity) was a large share of a draft's allocations.
    private static readonly ConditionalWeakTable<SampleMailbox, ClaimsIdentity> Identities = new();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = Identities.GetValue(mailbox, static m => new ClaimsIdentity(
        [
            new Claim("tid", "demo"),
            new Claim("oid", "demo-user"),
            new Claim("name", m.Owner.Name),
            new Claim("preferred_username", m.Owner.Address),
            new Claim("scp", "access_as_user"),
        ], DeploymentMode.DemoScheme));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), DeploymentMode.DemoScheme)));
    }
}
