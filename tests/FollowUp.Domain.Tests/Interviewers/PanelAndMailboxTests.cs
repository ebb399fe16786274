using FollowUp.Domain.Calendar;
using FollowUp.Domain.Interviewers;
using static FollowUp.Domain.Tests.Detection.Events;

namespace FollowUp.Domain.Tests.Interviewers;

/// <summary>Whom to thank when invites list a panel, come from group or company mailboxes, or are signed by a recruiter.</summary>
public class PanelAndMailboxTests
{
    private static string[] Emails(CalendarEvent e) =>
        InterviewerResolver.Default.Resolve(e, Jordan).Interviewers.Select(i => i.Email.ToLowerInvariant()).Order().ToArray();

    [Theory]
    [InlineData("Ausbildung Porsche <ausbildung@porsche.de>")]
    [InlineData("Internships <internships@porsche.de>")]
    [InlineData("HC Staffing <hc-staffing@porsche.de>")]
    [InlineData("Staffing <plant-staffing@porsche.de>")]
    public void Apprenticeship_internship_and_staffing_mailboxes_are_never_thanked(string group) =>
        Assert.Equal(["karin.roth@porsche.de"], Emails(Invite("Schnuppertag", "", group, Person(group), Person("Karin Roth <karin.roth@porsche.de>"))));

    [Fact]
    public void A_mailbox_named_after_the_company_is_not_thanked() =>
        Assert.Equal(["ana.ruiz@figment.co"], Emails(Invite("Interview", "", "Figment Studio <figmentstudio@figment.co>", Person("Ana Ruiz <ana.ruiz@figment.co>"))));

    [Fact]
    public void A_recruiter_who_says_they_take_part_is_thanked_despite_the_signature() =>
        Assert.Equal(["markus.lang@rhenus.com", "sabine.wolf@rhenus.com"], Emails(Invite("Kennenlernen (Herr Lang)",
            "Hallo Jordan,\nein kurzes Kennenlernen mit mir und Schichtleiter Markus Lang.\nViele Grüße\nSabine Wolf\nTalent Acquisition",
            "Sabine Wolf <sabine.wolf@rhenus.com>", Person("Markus Lang <markus.lang@rhenus.com>"))));

    [Fact]
    public void A_recruiter_who_only_signs_an_invite_for_others_is_not_thanked() =>
        Assert.Equal(["markus.lang@rhenus.com"], Emails(Invite("Kennenlernen (Herr Lang)",
            "Hallo Jordan,\nSie sprechen mit Schichtleiter Markus Lang.\nViele Grüße\nSabine Wolf\nTalent Acquisition",
            "Sabine Wolf <sabine.wolf@rhenus.com>", Person("Markus Lang <markus.lang@rhenus.com>"))));

    [Fact]
    public void People_listed_after_interview_with_are_thanked_whatever_role_follows() =>
        Assert.Equal(["h.burke@stmarys.org.uk", "i.shaw@stmarys.org.uk"], Emails(Invite("Maths teacher - interview",
            "Dear Jordan,\nWe confirm your interview with Mrs. Helen Burke, headteacher, and Mr. Ian Shaw, maths coordinator.\nSchool Office",
            "School Office <office@stmarys.org.uk>", Person("Helen Burke <h.burke@stmarys.org.uk>"), Person("Ian Shaw <i.shaw@stmarys.org.uk>"))));

    [Fact]
    public void Every_panel_member_listed_with_a_title_is_thanked() =>
        Assert.Equal(["eve.lowe@channel4.co.uk", "jon.reed@channel4.co.uk", "mia.khan@channel4.co.uk"], Emails(Invite("Researcher role - board",
            "Your board: Mia Khan (Editor), Jon Reed (Assistant Producer), Eve Lowe (People Partner).",
            "Careers <no-reply@channel4.co.uk>", Person("Mia Khan <mia.khan@channel4.co.uk>"), Person("Jon Reed <jon.reed@channel4.co.uk>"), Person("Eve Lowe <eve.lowe@channel4.co.uk>"))));

    [Fact]
    public void A_coordinator_named_right_after_their_name_is_still_not_thanked() =>
        Assert.Equal(["wei.zhang@adatum.com"], Emails(Invite("Interview", "You'll meet Wei Zhang.\nKelly Stone (Recruiting Coordinator) will send the link.",
            "Kelly Stone <kelly.stone@adatum.com>", Person("Wei Zhang <wei.zhang@adatum.com>"), Person("Kelly Stone <kelly.stone@adatum.com>"))));

    [Fact]
    public void Someone_who_works_at_a_scheduling_tools_company_is_a_person() =>
        Assert.Equal(["lena.fischer@personio.de"], Emails(Invite("Vorstellungsgespräch - Personio", "Dein Gespräch mit Lena Fischer.",
            "Personio Talent <talent@personio.de>", Person("Lena Fischer <lena.fischer@personio.de>"))));

    [Fact]
    public void A_sign_off_with_the_surname_marks_a_signature_not_an_interviewer_named() =>
        Assert.Equal(["wei.zhang@adatum.com"], Emails(Invite("Interview", "Hi Jordan, Wei Zhang will meet you.\n\nBest,\nKelly Stone\nTalent",
            "Kelly Stone <kelly.stone@adatum.com>", Person("Wei Zhang <wei.zhang@adatum.com>"), Person("Kelly Stone <kelly.stone@adatum.com>"))));
}
