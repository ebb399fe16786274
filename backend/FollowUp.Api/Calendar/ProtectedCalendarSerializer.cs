using System.Buffers;
using System.Text.Json;
using FollowUp.Domain.Calendar;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Hybrid;

namespace FollowUp.Api.Calendar;

/// <summary>
/// Cached calendar windows are encrypted with the shared Data Protection key ring: events carry bodies and
/// attendees, and Redis is shared infrastructure that keeps no secrets.
/// </summary>
public sealed class ProtectedCalendarSerializer(IDataProtectionProvider protection) : IHybridCacheSerializer<CalendarEvent[]>
{
    private readonly IDataProtector _protector = protection.CreateProtector("FollowUp.CalendarCache.v1");

    public CalendarEvent[] Deserialize(ReadOnlySequence<byte> source) =>
        JsonSerializer.Deserialize<CalendarEvent[]>(_protector.Unprotect(source.ToArray())) ?? [];

    public void Serialize(CalendarEvent[] value, IBufferWriter<byte> target) =>
        target.Write(_protector.Protect(JsonSerializer.SerializeToUtf8Bytes(value)));
}
