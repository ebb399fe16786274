namespace FollowUp.Domain.Text;

/// <summary>Finds a time zone by Windows name (as Exchange sends) or IANA id; null when unknown.</summary>
public static class TimeZones
{
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        if (id is "UTC" or "tzone://Microsoft/Utc" or "Coordinated Universal Time") return TimeZoneInfo.Utc;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { }
        catch (InvalidTimeZoneException) { }
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana) && TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var zone) ? zone : null;
    }
}
