using FollowUp.Domain.Gifts;
using FollowUp.Domain.Interests;
using FollowUp.Domain.Interviewers;
using FollowUp.Domain.Letters;

namespace FollowUp.Domain.Tests.Letters;

/// <summary>Letter inputs over every combination of present and absent role, company, notes, interests and gift.</summary>
public static class LetterMatrix
{
    public static readonly Interviewer Sarah = new("Sarah Lee", "Sarah", "sarah.lee@contoso.com");
    public static readonly Interviewer[] Panel =
    [
        Sarah,
        new("Tom Okafor", "Tom", "tom@contoso.com"),
        new("Priya Raman", "Priya", "priya@contoso.com"),
        new("Jonas Weber", "Jonas", "jonas@contoso.com"),
        new("Ana Costa", "Ana", "ana@contoso.com"),
    ];

    public const string Notes = "Asked about the roadmap and on-call. Sarah knits on weekends and made a blanket for her niece.";

    public static LetterInput Base(Interviewer? who = null) => new()
    {
        Interviewer = who ?? Sarah,
        Panel = Panel,
        EventId = "AAMkAGI2TG93AAA=",
        InterviewStart = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero), // a Tuesday
        SenderName = "Alex Kim",
    };

    public static IEnumerable<LetterInput> All()
    {
        foreach (var who in Panel)
        foreach (var role in new[] { "Product Designer", null })
        foreach (var company in new[] { "Contoso", null })
        foreach (var notes in new[] { Notes, "We talked about her trip to Japan.", "" })
        foreach (var interest in new[] { true, false })
        foreach (var gift in new[] { "pattern", "article", null })
            yield return Base(who) with
            {
                Role = role,
                Company = company,
                Notes = notes,
                Interests = interest ? [new InterestMatch("knitting", "knits on weekends")] : [],
                MainInterestPhrase = interest ? "your knitting" : null,
                Gift = gift is null ? null : new Gift("Ravelry's free beginner patterns", "https://www.ravelry.com/patterns/library/easy-scarf", "free knitting pattern", gift),
            };
    }
}
