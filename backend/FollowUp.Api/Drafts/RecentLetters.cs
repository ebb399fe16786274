using FollowUp.Api.Interviews;
using FollowUp.Api.Storage;
using FollowUp.Domain.Interviewers;
using Microsoft.Extensions.Caching.Memory;

namespace FollowUp.Api.Drafts;

/// <summary>Everything a letter is written from: the judged event (as cached), the interviewer and the user's additions.</summary>
public sealed record LetterInputs(JudgedEvent Judged, Interviewer Interviewer, string Notes, string? GiftUrl, string? SenderName, string? TimeZone, string UserName)
{
    // The judged event is compared by reference: the calendar cache hands out the same immutable object until it refreshes.
    public bool Equals(LetterInputs? other) =>
        other is not null && ReferenceEquals(Judged, other.Judged) && Interviewer == other.Interviewer && Notes == other.Notes
        && GiftUrl == other.GiftUrl && SenderName == other.SenderName && TimeZone == other.TimeZone && UserName == other.UserName;

    public override int GetHashCode() => HashCode.Combine(Judged.Event.Id, Interviewer, Notes, GiftUrl, SenderName, TimeZone, UserName);
}

/// <summary>
/// The last letter written for each draft with what it was written from: writing is a pure function of those inputs, so
/// the same inputs give the same letter without composing it again (the pane redrafts as the user types).
/// </summary>
public sealed class RecentLetters : IDisposable
{
    public const int Capacity = 2048;
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _letters = new(new MemoryCacheOptions { SizeLimit = Capacity });

    private sealed record Entry(LetterInputs Inputs, WrittenLetter Written);

    public WrittenLetter GetOrWrite(DraftKey key, LetterInputs inputs, Func<LetterInputs, WrittenLetter> write)
    {
        if (_letters.TryGetValue(key, out Entry? last) && last!.Inputs.Equals(inputs)) return last.Written;
        var written = write(inputs);
        _letters.Set(key, new Entry(inputs, written), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        return written;
    }

    public void Dispose() => _letters.Dispose();
}
