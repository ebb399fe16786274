using System.Reflection;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;

namespace FollowUp.Domain.Tests.Detection;

/// <summary>The detector's shared memory of classified participants: exact keys, growth, a bound, and readers racing writers.</summary>
public class ParticipantCacheTests
{
    /// <summary>The internal cache, driven through reflection.</summary>
    private sealed class Cache(int capacity)
    {
        private static readonly Type Type = typeof(InterviewDetector).Assembly
            .GetType("FollowUp.Domain.Detection.ParticipantCache`1", throwOnError: true)!.MakeGenericType(typeof(string));
        private readonly object _cache = Activator.CreateInstance(Type, capacity)!;

        public int Count => (int)Type.GetProperty("Count")!.GetValue(_cache)!;

        public string? Find(string? address, string? name, AttendeeType type) =>
            (string?)Type.GetMethod("Find")!.Invoke(_cache, [Hash(address, name, type), address, name, type]);

        public void Add(string? address, string? name, AttendeeType type, string value) =>
            Type.GetMethod("Add")!.Invoke(_cache, [Hash(address, name, type), address, name, type, value]);

        private ulong Hash(string? address, string? name, AttendeeType type) => (ulong)Type.GetMethod("Hash")!.Invoke(_cache, [address, name, type])!;
    }

    [Fact]
    public void Finds_a_participant_only_by_the_same_address_name_and_type()
    {
        var cache = new Cache(100);
        cache.Add("tom.lee@contoso.com", "Tom Lee", AttendeeType.Required, "tom");
        cache.Add("rooms@contoso.com", "Rainier", AttendeeType.Resource, "room");
        cache.Add(null, null, AttendeeType.Optional, "nobody");

        Assert.Equal("tom", cache.Find(new string("tom.lee@contoso.com".AsSpan()), "Tom Lee", AttendeeType.Required));
        Assert.Equal("room", cache.Find("rooms@contoso.com", "Rainier", AttendeeType.Resource));
        Assert.Equal("nobody", cache.Find(null, null, AttendeeType.Optional));
        Assert.Null(cache.Find("tom.lee@contoso.com", "Tom Lim", AttendeeType.Required));
        Assert.Null(cache.Find("tom.lee@contoso.com", "Tom Lee", AttendeeType.Optional));
        Assert.Null(cache.Find("TOM.LEE@contoso.com", "Tom Lee", AttendeeType.Required));
        Assert.Null(cache.Find("", null, AttendeeType.Optional));
    }

    [Fact]
    public void Grows_past_its_first_table_and_keeps_everyone()
    {
        var cache = new Cache(10_000);
        for (var i = 0; i < 5_000; i++) cache.Add($"p{i}@contoso.com", $"Person {i}", AttendeeType.Required, $"v{i}");
        Assert.Equal(5_000, cache.Count);
        for (var i = 0; i < 5_000; i++) Assert.Equal($"v{i}", cache.Find($"p{i}@contoso.com", $"Person {i}", AttendeeType.Required));
    }

    [Fact]
    public void Starts_over_past_its_capacity()
    {
        var cache = new Cache(100);
        for (var i = 0; i < 150; i++) cache.Add($"p{i}@contoso.com", "", AttendeeType.Required, $"v{i}");
        Assert.InRange(cache.Count, 1, 100);
        Assert.Equal("v149", cache.Find("p149@contoso.com", "", AttendeeType.Required));
        Assert.Null(cache.Find("p0@contoso.com", "", AttendeeType.Required));
    }

    [Fact]
    public void Readers_racing_writers_see_a_participant_whole_or_not_at_all()
    {
        var cache = new Cache(100_000);
        var wrong = 0;
        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 4_000; i++)
            {
                // Workers share half their people, so the same participant is added by several at once.
                var n = worker % 2 == 0 ? i : i + 4_000 * worker;
                var found = cache.Find($"p{n}@contoso.com", $"P {n}", AttendeeType.Required);
                if (found is not null && found != $"v{n}") Interlocked.Increment(ref wrong);
                if (found is null) cache.Add($"p{n}@contoso.com", $"P {n}", AttendeeType.Required, $"v{n}");
            }
        });
        Assert.Equal(0, wrong);
        Assert.Equal(4_000 + 4 * 4_000, cache.Count);
        Assert.Equal("v3999", cache.Find("p3999@contoso.com", "P 3999", AttendeeType.Required));
        Assert.Equal("v31999", cache.Find("p31999@contoso.com", "P 31999", AttendeeType.Required));
    }
}
