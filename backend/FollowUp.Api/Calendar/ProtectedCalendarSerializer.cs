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
public sealed class ProtectedCalendarSerializer(IDataProtectionProvider protection) : IHybridCacheSerializer<CalendarWindow>
{
    private readonly IDataProtector _protector = protection.CreateProtector("FollowUp.CalendarCache.v1");

    public CalendarWindow Deserialize(ReadOnlySequence<byte> source) =>
        new(JsonSerializer.Deserialize<CalendarEvent[]>(_protector.Unprotect(source.ToArray())) ?? []);

    public void Serialize(CalendarWindow value, IBufferWriter<byte> target) =>
        target.Write(_protector.Protect(JsonSerializer.SerializeToUtf8Bytes(value.Events)));
}

/// <summary>
/// Cached events. Immutable, so the in-memory level hands out the same instance instead of decrypting and parsing
/// the whole window on every hit.
/// </summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed record CalendarWindow(IReadOnlyList<CalendarEvent> Events);
