using System.Security.Cryptography;
using System.Text;

namespace FollowUp.Api.Mail;

/// <summary>
/// The mark FollowUp puts on the Outlook draft of a letter (a single-value extended property), so a retry finds the
/// draft it already made instead of making a second one.
/// </summary>
public static class FollowUpTag
{
    /// <summary>FollowUp's own property set; never change it, or existing drafts are no longer found.</summary>
    public static readonly Guid PropertySet = new("8a0b5c1e-4f3d-4c2a-9e61-7d2f0b9a3c55");

    public static string PropertyId { get; } = $"String {{{PropertySet}}} Name FollowUpKey";

    /// <summary>PidTagDeferredSendTime: Exchange holds the message until this UTC time, then sends it.</summary>
    public const string DeferredSendTime = "SystemTime 0x3FEF";

    /// <summary>A hash, so the tag says nothing about who or which interview it is for.</summary>
    public static string For(string tenantId, string userId, string eventId, string interviewerEmail)
    {
        var text = string.Join('\n', tenantId, userId, eventId, interviewerEmail.Trim().ToLowerInvariant());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The OData filter that finds messages carrying <paramref name="key"/>.</summary>
    public static string Filter(string key) =>
        $"singleValueExtendedProperties/Any(ep: ep/id eq '{PropertyId}' and ep/value eq '{key}')";
}
