// Temporary stand-ins until the domain features land; deleted when they are merged.
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;
using FollowUp.Domain.Gifts;
using FollowUp.Domain.Interests;
using FollowUp.Domain.Interviewers;
using FollowUp.Domain.Letters;

namespace FollowUp.Domain.Detection
{
    public sealed class InterviewDetector
    {
        public static InterviewDetector Default { get; } = new();
        public InterviewAssessment Assess(CalendarEvent e, MailboxOwner owner) =>
            e.Subject.Contains("interview", StringComparison.OrdinalIgnoreCase) ? new(true, 0.9, ["subject says interview"], "interview") : new(false, 0.9, [], null);
    }
}
namespace FollowUp.Domain.Interviewers
{
    public sealed class InterviewerResolver
    {
        public static InterviewerResolver Default { get; } = new();
        public InterviewParties Resolve(CalendarEvent e, MailboxOwner owner) =>
            new(e.Attendees.Where(a => !owner.Is(a.Who.Address) && a.Type != AttendeeType.Resource)
                .Select(a => new Interviewer(a.Who.Name, a.Who.Name.Split(' ')[0], a.Who.Address)).ToList(), null, null);
    }
}
namespace FollowUp.Domain.Calendar
{
    public static class MailboxOwnerInference
    {
        public static MailboxOwner? Infer(IEnumerable<CalendarEvent> events) => null;
    }
}
namespace FollowUp.Domain.Interests
{
    public sealed class InterestExtractor
    {
        public static InterestExtractor Default { get; } = new();
        public IReadOnlyList<InterestMatch> Extract(string notes) => notes.Contains("knit") ? [new("knitting", "knit")] : [];
        public string PhraseFor(string topic) => "your " + topic;
    }
}
namespace FollowUp.Domain.Gifts
{
    public sealed class GiftCatalog
    {
        public static GiftCatalog Default { get; } = new();
        public IReadOnlyList<Gift> For(string topic) => topic == "knitting" ? [new("Knitting", "https://en.wikipedia.org/wiki/Knitting", "history", "article")] : [];
    }
}
namespace FollowUp.Domain.Letters
{
    public sealed class ThankYouComposer
    {
        public static ThankYouComposer Default { get; } = new();
        public Letter Compose(LetterInput input) => new("Thank you", "<p>Thank you</p>", "Thank you");
    }
}
