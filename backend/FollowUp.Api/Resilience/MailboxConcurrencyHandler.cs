namespace FollowUp.Api.Resilience;

/// <summary>
/// Holds each Graph request until its mailbox has a free slot. The mailbox is the caller's tenant + object id,
/// read from the current HTTP request (this pipeline is shared by all users).
/// </summary>
public sealed class MailboxConcurrencyHandler(MailboxGate gate, IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var slot = await gate.EnterAsync(MailboxOf(accessor.HttpContext), ct);
        return await base.SendAsync(request, ct);
    }

    internal static string MailboxOf(HttpContext? context)
    {
        var user = context?.User;
        var tid = user?.FindFirst("tid")?.Value ?? user?.FindFirst("http://schemas.microsoft.com/identity/claims/tenantid")?.Value;
        var oid = user?.FindFirst("oid")?.Value ?? user?.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value;
        return tid is null || oid is null ? "(app)" : $"{tid}/{oid}";
    }
}
