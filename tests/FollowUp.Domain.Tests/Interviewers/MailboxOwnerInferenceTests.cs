using FollowUp.Domain.Calendar;
using static FollowUp.Domain.Tests.Detection.Events;

namespace FollowUp.Domain.Tests.Interviewers;

public class MailboxOwnerInferenceTests
{
    [Fact]
    public void The_organizer_of_events_the_owner_organised_is_the_owner()
    {
        var events = new[]
        {
            Invite("Interview", "", "Ann Bo <ann.bo@initech.com>", Person("Ken Adams <ken@initech.com>")),
            OwnBlock("Gym"),
            Invite("Phone screen", "", "Zara Ahmed <zara@fabrikam.com>"),
        };
        var owner = MailboxOwnerInference.Infer(events);
        Assert.Equal("jordan.rivera@outlook.com", owner?.Address);
        Assert.Equal("Jordan Rivera", owner?.Name);
    }

    [Fact]
    public void Without_organised_events_the_most_frequent_attendee_is_the_owner()
    {
        var events = new[]
        {
            Invite("Interview", "", "Ann Bo <ann.bo@initech.com>", Person("Ken Adams <ken@initech.com>")),
            Invite("Phone screen", "", "Zara Ahmed <zara@fabrikam.com>", Person("Ken Adams <ken@initech.com>")),
            Invite("Onsite", "", "Lena Berg <lena@wwi.com>"),
        };
        Assert.Equal("jordan.rivera@outlook.com", MailboxOwnerInference.Infer(events)?.Address);
    }

    [Fact]
    public void Events_naming_nobody_give_no_owner() =>
        Assert.Null(MailboxOwnerInference.Infer([OwnBlock("x") with { IsOrganizer = false, Organizer = EmailAddress.None }]));

    [Fact]
    public void The_corpus_owner_is_inferred_from_the_corpus() =>
        Assert.Equal("jordan.rivera@outlook.com", MailboxOwnerInference.Infer(Detection.DetectionCorpus.All.Select(c => c.Event))?.Address);
}
