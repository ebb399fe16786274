using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;
using static FollowUp.Domain.Tests.Detection.Events;

namespace FollowUp.Domain.Tests.Detection;

/// <summary>Steps around a hiring process that are not the owner's interview, and interviews that look like them.</summary>
public class AroundHiringTests
{
    private static InterviewAssessment Assess(CalendarEvent e, MailboxOwner? owner = null) => InterviewDetector.Default.Assess(e, owner ?? Jordan);

    private static CalendarEvent From(string subject, string body = "", string sender = "Maya Patel <maya.patel@contoso.com>") =>
        Invite(subject, body, sender, Person(sender));

    [Theory]
    [InlineData("Reference call for Jordan Rivera")]
    [InlineData("Occupational health assessment")]
    [InlineData("Security vetting interview")]
    [InlineData("Informal visit - Renal ward")]
    [InlineData("Sift panel - Policy Officer")]
    [InlineData("Interviews for Year 3 teacher (Jordan on panel)")]
    [InlineData("Debrief: candidate Sam Oduya (Backend Engineer)")]
    [InlineData("Admissions interview - candidate: R. Gupta")]
    [InlineData("Simulacro de entrevista con mentora")]
    public void Checks_visits_and_seats_on_the_other_side_are_not_the_owners_interview(string subject) =>
        Assert.False(Assess(From(subject, "Hi Jordan, looking forward to it.")).IsInterview);

    [Theory]
    [InlineData("Interview - Practice Nurse, Riverside Surgery")]
    [InlineData("Abschlussgespräch / Final Round - Contoso")]
    [InlineData("Fit call - Contoso Capital")]
    [InlineData("Interview: candidate Jordan Rivera (Backend Engineer)")]
    [InlineData("Occupational Health Nurse - first round")]
    public void Words_that_also_name_checks_do_not_veto_a_real_interview(string subject) =>
        Assert.True(Assess(From(subject, "Hi Jordan, thanks for your application. Bring details of your references.")).IsInterview);

    [Fact]
    public void Practice_before_an_interview_still_reads_as_preparation() =>
        Assert.False(Assess(From("Interview practice - Nurse role", "Hi Jordan, let's run through questions.")).IsInterview);

    [Fact]
    public void A_routine_sync_becomes_an_interview_only_when_the_body_speaks_of_the_owners_application()
    {
        const string sender = "Dana White <dana.white@contoso.com>";
        var withApplication = Assess(From("Sync w/ Dana", "Hi Jordan - Dana here, hiring manager for the Payments team. You made it through the technical rounds.", sender));
        Assert.True(withApplication.IsInterview, string.Join("; ", withApplication.Reasons));
        Assert.False(Assess(From("Sync w/ Dana", "Hi Jordan, weekly sync on the integration.", sender)).IsInterview);
    }

    [Fact]
    public void An_introduction_of_the_owner_as_candidate_is_not_read_as_the_owner_hiring()
    {
        const string body = "Sofia, meet Jordan - Jordan is interviewing for your Staff Designer opening and is a great fit. Jordan, Sofia is the hiring manager.";
        Assert.True(Assess(From("Intro: Jordan <> Sofia (Adatum)", body, "Sofia Lang <sofia.lang@adatum.com>")).IsInterview);
        const string reversed = "Jordan, meet Sofia - Sofia is interviewing for your Staff Designer opening and is a great fit.";
        Assert.False(Assess(From("Intro: Jordan <> Sofia (Adatum)", reversed, "Eli Marsh <eli.marsh@adatum.com>")).IsInterview);
    }

    [Fact]
    public void A_hold_for_an_interview_invited_on_another_calendar_counts()
    {
        var hold = OwnBlock("Hold - Contoso round 2", "Hold for my Contoso case interview with Priya. The real invite went to my personal email.", Person("Priya Nair <priya.nair@contoso.com>"));
        Assert.True(Assess(hold).IsInterview);
        Assert.False(Assess(OwnBlock("Hold - Contoso round 2", "", Person("Priya Nair <priya.nair@contoso.com>"))).IsInterview);
    }
}
