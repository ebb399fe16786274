using System.Diagnostics;
using FollowUp.Api.Identity;
using FollowUp.Api.Mail;
using FollowUp.Api.Storage;
using FollowUp.Domain.FollowUps;
using FollowUp.Domain.Interviewers;

namespace FollowUp.Api.FollowUps;

/// <summary>The Outlook draft of one letter; <c>Created</c> is false when it already existed.</summary>
public sealed record DraftOutcome(string Id, string? WebLink, bool Created);

/// <summary>
/// Puts a letter in the user's Drafts exactly once per follow-up: retries, timeouts and double clicks find the draft
/// by its tag. Concurrent requests for the same follow-up queue behind a per-key gate in this process and a claim on
/// the follow-up's row across instances.
/// </summary>
public sealed class OutlookDrafter(OutlookMail mail, FollowUpStore store, CurrentUser user, DraftLocks locks, TimeProvider clock)
{
    private static readonly TimeSpan ClaimHold = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(150);

    public string KeyFor(string eventId, string email) => FollowUpTag.For(user.TenantId, user.ObjectId, eventId, email);

    /// <summary>The draft for this follow-up, made from <paramref name="subject"/>/<paramref name="htmlBody"/> if there is none; null when another instance holds the claim too long.</summary>
    public async Task<DraftOutcome?> EnsureAsync(string eventId, Interviewer interviewer, string subject, string htmlBody, CancellationToken ct)
    {
        var key = KeyFor(eventId, interviewer.Email);
        using var gate = await locks.EnterAsync(key, ct);
        var row = await store.UpsertAsync(eventId, interviewer.Email, r => r.InterviewerName ??= interviewer.Name, ct);

        var claim = Guid.NewGuid().ToString("N");
        var waited = Stopwatch.StartNew();
        while (!await store.TryClaimDraftAsync(row.Id, claim, ClaimHold, ct))
        {
            // Another instance is making it: once it lets go, the tag lookup below finds its draft.
            if (waited.Elapsed > WaitLimit) return null;
            await Task.Delay(PollEvery, ct);
        }
        try
        {
            var existing = await mail.FindAsync(key, null, ct);
            var draft = existing ?? await mail.CreateDraftAsync(key, interviewer.Name, interviewer.Email, subject, htmlBody, ct);
            await store.UpsertAsync(eventId, interviewer.Email, r =>
            {
                r.OutlookDraftId = draft.Id;
                r.OutlookDraftWebLink = draft.WebLink;
                if (r.Status is "due" or "drafted")
                {
                    if (r.Status != "drafted") r.StatusChangedAt = clock.GetUtcNow();
                    r.Status = FollowUpStatus.Drafted.ToWire();
                }
            }, ct);
            return new DraftOutcome(draft.Id, draft.WebLink, existing is null);
        }
        finally
        {
            await store.ReleaseDraftClaimAsync(row.Id, claim, CancellationToken.None);
        }
    }
}
