using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;
using static FollowUp.Domain.Tests.Detection.Events;

namespace FollowUp.Domain.Tests.Detection;

/// <summary>The signals that tell an interview without the word "interview": stages, job titles, who invites, copied holds, the subject naming the candidate.</summary>
public class HiringShapeTests
{
    private static bool IsInterview(CalendarEvent e) => InterviewDetector.Default.Assess(e, Jordan).IsInterview;

    [Theory]
    [InlineData("Second round - Contoso")]
    [InlineData("Zweitgespräch - Contoso")]
    [InlineData("Trial shift - Contoso")]
    [InlineData("Teaching demo - Contoso")]
    public void A_stage_of_a_hiring_process_makes_a_plain_invite_an_interview(string subject)
    {
        Assert.True(IsInterview(Invite(subject, "", "Maya Patel <maya.patel@contoso.com>", Person("Maya Patel <maya.patel@contoso.com>"))));
        Assert.False(IsInterview(Invite("Contoso", "", "Maya Patel <maya.patel@contoso.com>", Person("Maya Patel <maya.patel@contoso.com>"))));
    }

    [Fact]
    public void A_job_title_from_one_outside_organisation_is_an_interview_but_not_from_several()
    {
        Assert.True(IsInterview(Invite("Coffee - Data Analyst", "", "Maya Patel <maya.patel@contoso.com>", Person("Ken Adams <ken.adams@contoso.com>"))));
        Assert.False(IsInterview(Invite("Coffee - Data Analyst", "", "Maya Patel <maya.patel@contoso.com>", Person("Ken Adams <ken.adams@fabrikam.com>"))));
    }

    [Fact]
    public void A_job_title_from_a_friend_on_a_personal_address_is_not_an_interview() =>
        Assert.False(IsInterview(Invite("Coffee - Data Analyst", "", "Sam Lee <sam.lee@gmail.com>", Person("Sam Lee <sam.lee@gmail.com>"))));

    [Fact]
    public void A_hold_copied_from_a_personal_calendar_keeps_the_interview_it_mirrors()
    {
        Assert.True(IsInterview(OwnBlock("Interview - Contoso", "[Copied from personal calendar]")));
        Assert.False(IsInterview(OwnBlock("Interview - Contoso")));
    }

    [Fact]
    public void A_subject_naming_the_owner_as_candidate_is_an_interview_and_naming_someone_else_is_not()
    {
        Assert.True(IsInterview(Invite("Candidate: Jordan Rivera - Contoso", "", "Contoso Scheduling <scheduling@contoso.com>")));
        Assert.False(IsInterview(Invite("Candidate: Sam Lee - Contoso", "", "Contoso Scheduling <scheduling@contoso.com>")));
    }
}
