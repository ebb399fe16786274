using System.Security.Claims;
using System.Text;
using FollowUp.Api.Identity;
using FollowUp.Api.Storage;
using FollowUp.Domain.Interests;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FollowUp.Api.Tests.Storage;

/// <summary>
/// What <see cref="FollowUpStore"/> guarantees on every database it runs on. Each provider's subclass gives every
/// test a fresh, empty database of its own and removes it afterwards.
/// </summary>
public abstract class FollowUpStoreBehaviour : IAsyncLifetime
{
    private readonly IDataProtectionProvider _protection = new EphemeralDataProtectionProvider();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.Zero));

    protected static readonly CurrentUser Ana = Person("tenant-contoso", "oid-ana", "Ana Lima");
    protected static readonly CurrentUser Bo = Person("tenant-contoso", "oid-bo", "Bo Chen");
    // Object ids are unique only within a tenant: the same oid elsewhere is someone else.
    protected static readonly CurrentUser AnaLookalike = Person("tenant-fabrikam", "oid-ana", "Ana Other");

    protected abstract Task CreateEmptyDatabaseAsync();
    protected abstract Task RemoveDatabaseAsync();
    protected abstract FollowUpDb NewContext();

    public Task InitializeAsync() => CreateEmptyDatabaseAsync();
    public Task DisposeAsync() => RemoveDatabaseAsync();

    [Fact]
    public async Task Migrations_build_the_whole_schema_on_an_empty_database()
    {
        await using var db = NewContext();
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());

        await MigrateAsync();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // A model change without its migration would only show up in production.
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures.");
        Assert.Equal(0, await db.FollowUps.CountAsync());
        Assert.Equal(0, await db.DataProtectionKeys.CountAsync());

        await MigrateAsync(); // a restart migrates again: nothing to do, nothing lost
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Concurrent_upserts_for_one_interviewer_leave_one_row()
    {
        await MigrateAsync();
        string[] spellings = ["Grace.Hopper@Example.com", "grace.hopper@example.com", " GRACE.HOPPER@EXAMPLE.COM "];
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var upserts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await go.Task;
            await using var db = NewContext();
            var record = await Store(db, Ana).UpsertAsync("event-1", spellings[i % spellings.Length], r => r.InterviewerName = $"Grace {i}", CancellationToken.None);
            return record.Id;
        })).ToList();
        go.SetResult();
        var ids = await Task.WhenAll(upserts);

        Assert.Single(ids.Distinct());
        await using var check = NewContext();
        var row = Assert.Single(await check.FollowUps.ToListAsync());
        Assert.Equal(ids[0], row.Id);
        Assert.Equal("grace.hopper@example.com", row.InterviewerEmail);
        Assert.Equal((Ana.TenantId, Ana.ObjectId, "event-1"), (row.TenantId, row.UserId, row.EventId));
    }

    public static TheoryData<string> Notes => new()
    {
        "Knits 🧶 on the train; knitted the blanket in her office 👩🏽‍💻 and loves 🇵🇹 fado.",
        "تحب الحياكة، وقد حاكت البطانية التي في مكتبها بنفسها.",
        "Mixed: שלום, he collects old maps (מפות עתיקות) — and 象棋 on Sundays.\r\n\tSecond line\u200d.",
        FourThousandCharacters(),
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public async Task Notes_come_back_byte_for_byte_and_are_never_stored_in_clear(string notes)
    {
        await MigrateAsync();
        InterestMatch[] interests = [new("knitting", "knitted the blanket 🧶"), new("maps", "מפות עתיקות")];
        await using (var db = NewContext())
            await Store(db, Ana).SaveDraftAsync("event-7", "ada@example.com", "Ada", notes, interests, "https://example.org/knitting", "<p>Dear Ada,</p>", CancellationToken.None);

        // Read back the way a later request does: another context and another store.
        await using var later = NewContext();
        var store = Store(later, Ana);
        var record = await store.FindAsync("event-7", "ADA@example.com", CancellationToken.None);

        Assert.NotNull(record);
        Assert.Equal(Encoding.UTF8.GetBytes(notes), Encoding.UTF8.GetBytes(store.Notes(record)!));
        Assert.Equal(interests, store.Interests(record));
        Assert.DoesNotContain(notes[..12], record.ProtectedNotes!, StringComparison.Ordinal);
        Assert.DoesNotContain("knitting", record.ProtectedInterests!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_never_see_each_others_follow_ups()
    {
        await MigrateAsync();
        foreach (var person in new[] { Ana, Bo, AnaLookalike })
        {
            await using var db = NewContext();
            await Store(db, person).SaveDraftAsync("shared-event", "grace@example.com", "Grace", $"notes of {person.Name}", [], null, "<p>Dear Grace,</p>", CancellationToken.None);
        }

        var ids = new HashSet<long>();
        foreach (var person in new[] { Ana, Bo, AnaLookalike })
        {
            await using var db = NewContext();
            var store = Store(db, person);
            var all = Assert.Single(await store.AllAsync(CancellationToken.None));
            var found = await store.FindAsync("shared-event", "grace@example.com", CancellationToken.None);
            var byEvent = Assert.Single(await store.ForEventsAsync(["shared-event"], CancellationToken.None)).Value;

            Assert.Equal(all.Id, found?.Id);
            Assert.Equal(all.Id, byEvent.Id);
            Assert.Equal($"notes of {person.Name}", store.Notes(all));
            ids.Add(all.Id);
        }
        Assert.Equal(3, ids.Count);

        await using (var db = NewContext())
        {
            var stranger = Store(db, Person("tenant-contoso", "oid-stranger", "Stranger"));
            Assert.Empty(await stranger.AllAsync(CancellationToken.None));
            Assert.Null(await stranger.FindAsync("shared-event", "grace@example.com", CancellationToken.None));
        }
    }

    [Fact]
    public async Task Deleting_everything_erases_only_the_callers_rows()
    {
        await MigrateAsync();
        await SeedAsync(Ana, ("event-1", "grace@example.com"), ("event-1", "alan@example.com"), ("event-2", "grace@example.com"));
        await SeedAsync(Bo, ("event-1", "grace@example.com"), ("event-3", "linus@example.com"));
        await SeedAsync(AnaLookalike, ("event-1", "grace@example.com"));

        await using (var db = NewContext())
            Assert.Equal(3, await Store(db, Ana).DeleteAllAsync(CancellationToken.None));

        await using var check = NewContext();
        Assert.Empty(await Store(check, Ana).AllAsync(CancellationToken.None));
        Assert.Equal(2, (await Store(check, Bo).AllAsync(CancellationToken.None)).Count);
        Assert.Single(await Store(check, AnaLookalike).AllAsync(CancellationToken.None));
        Assert.Equal(3, await check.FollowUps.CountAsync());
    }

    /// <summary>What start-up does (<c>MigrateFollowUpDatabaseAsync</c>).</summary>
    protected virtual async Task MigrateAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    private async Task SeedAsync(CurrentUser person, params (string EventId, string Email)[] rows)
    {
        await using var db = NewContext();
        var store = Store(db, person);
        foreach (var (eventId, email) in rows)
            await store.UpsertAsync(eventId, email, r => r.InterviewerName = email, CancellationToken.None);
    }

    private FollowUpStore Store(FollowUpDb db, CurrentUser person) => new(new Lazy<FollowUpDb>(db), person, _protection, _clock, new RecentDrafts(enabled: false));

    private static CurrentUser Person(string tenantId, string objectId, string name)
    {
        var identity = new ClaimsIdentity(
            [new Claim("tid", tenantId), new Claim("oid", objectId), new Claim("name", name), new Claim("preferred_username", $"{objectId}@{tenantId}.example")],
            authenticationType: "test");
        return new CurrentUser(new OneCaller(new DefaultHttpContext { User = new ClaimsPrincipal(identity) }));
    }

    private static string FourThousandCharacters()
    {
        const string piece = "Chess ♞ every Tuesday — שחמט — 象棋 🧩 «Grace» ";
        var text = new StringBuilder();
        while (text.Length + piece.Length <= 4000) text.Append(piece);
        text.Append('.', 4000 - text.Length);
        return text.ToString();
    }

    // HttpContextAccessor keeps one context per async flow for all its instances; each test person needs its own.
    private sealed class OneCaller(HttpContext context) : IHttpContextAccessor
    {
        public HttpContext? HttpContext { get; set; } = context;
    }
}
