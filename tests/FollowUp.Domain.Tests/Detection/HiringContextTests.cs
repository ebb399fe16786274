using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;
using static FollowUp.Domain.Tests.Detection.Events;

namespace FollowUp.Domain.Tests.Detection;

/// <summary>Warning words weighed against hiring context, thin invites from trades, and look-alikes that are not the owner's interview.</summary>
public class HiringContextTests
{
    private static readonly MailboxOwner Manager = new("Jordan Rivera", "jordan.rivera@northwind.com");

    private static InterviewAssessment Assess(CalendarEvent e, MailboxOwner? owner = null) => InterviewDetector.Default.Assess(e, owner ?? Jordan);

    private static CalendarEvent From(string subject, string body = "", string sender = "Maya Patel <maya.patel@contoso.com>") =>
        Invite(subject, body, sender, Person(sender));

    // ---- a warning word inside a job title or beside hiring evidence ----
    [Theory]
    [InlineData("Phone screen - Hotel Night Manager (Accor)")]
    [InlineData("Canceled: Phone screen - Flight Dispatcher (Lufthansa)")]
    [InlineData("Coffee with Ben - reporter opening")]
    [InlineData("Podcast Producer position - first conversation")]
    [InlineData("Phone screen - Kids Club Supervisor")]
    public void A_warning_word_that_is_part_of_the_job_does_not_veto_the_interview(string subject) =>
        Assert.True(Assess(From(subject, "Hi Jordan, looking forward to talking about the role.")).IsInterview);

    [Theory]
    [InlineData("Hotel for your onsite")]
    [InlineData("Flight to the final round")]
    [InlineData("Podcast interview with Contoso")]
    [InlineData("Interview with a reporter")]
    public void The_same_warning_words_still_veto_when_they_are_not_part_of_a_job(string subject) =>
        Assert.False(Assess(From(subject, "Hi Jordan, looking forward to talking about the role.")).IsInterview);

    [Fact]
    public void The_softened_veto_is_still_reported()
    {
        var a = Assess(From("Phone screen - Hotel Night Manager (Accor)"));
        Assert.Contains(a.Reasons, r => r.Contains("hotel", StringComparison.OrdinalIgnoreCase) && r.Contains("hiring context", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mock_exercise_at_a_stage_of_a_hiring_process_is_an_interview() =>
        Assert.True(Assess(Invite("Stage 3: mock discovery call - Account Executive", "Hi Jordan, Ravi will play the buyer.",
            "Hubspot Talent <talent@hubspot.com>", Person("Ravi Menon <ravi.menon@hubspot.com>"))).IsInterview);

    [Fact]
    public void A_mock_interview_for_a_job_title_without_a_stage_is_still_coaching() =>
        Assert.False(Assess(From("Mock interview - Account Executive role", "Practice round before your real interviews.", "Lina Coach <lina@careerlift.co>")).IsInterview);

    [Fact]
    public void A_hiring_committee_that_invites_an_outside_candidate_is_an_interview() =>
        Assert.True(Assess(Invite("Interview with the Hiring Committee - Deputy Prosecutor", "The committee will meet you for 45 minutes.",
            "County Recruiting <recruiting@kingcounty.gov>", Person("Denise Ward <denise.ward@kingcounty.gov>"))).IsInterview);

    [Fact]
    public void A_hiring_committee_inside_your_own_organisation_is_not_your_interview() =>
        Assert.False(Assess(Invite("Hiring committee - Staff Accountant finalists", "",
            "Bea Lund <bea.lund@northwind.com>", Person("Carl Imes <carl.imes@northwind.com>")) with
        { Attendees = [Person("Jordan Rivera <jordan.rivera@northwind.com>"), Person("Carl Imes <carl.imes@northwind.com>")] }, Manager).IsInterview);

    [Fact]
    public void A_test_debrief_with_the_hiring_editor_is_a_step_for_the_candidate() =>
        Assert.True(Assess(Invite("Writing test debrief + chat with the deputy editor", "Hi Jordan, as the next stage, let us go through your test.",
            "Nadia Kovac <nadia.kovac@economist.com>", Person("Felix Hart <felix.hart@economist.com>"))).IsInterview);

    // ---- thin invites for trades, hospitality and logistics ----
    [Theory]
    [InlineData("Come by the yard - plumber's mate job")]
    [InlineData("Kitchen stage at Hawksmoor - trial service")]
    [InlineData("Kennenlernen Lagerlogistik (Herr Lang)")]
    [InlineData("Chiacchierata conoscitiva - barista")]
    [InlineData("Kennismaking - vacature magazijnmedewerker")]
    [InlineData("Ride-along - Field Service Technician")]
    [InlineData("Journée d'essai - poste de serveur")]
    [InlineData("Día de prueba - ayudante de cocina")]
    public void Thin_invites_from_one_outside_organisation_for_a_job_are_interviews(string subject) =>
        Assert.True(Assess(From(subject, "", "Gary Pike <gary.pike@pikeandsons.co.uk>")).IsInterview);

    [Theory]
    [InlineData("Intervju - Lagerarbetare")]
    [InlineData("Rozmowa kwalifikacyjna - magazynier")]
    [InlineData("Mülakat - Satış Temsilcisi")]
    [InlineData("Työhaastattelu")]
    [InlineData("Micro-teach - Year 9 English")]
    [InlineData("Probearbeiten in der Küche")]
    public void Interviews_and_trials_in_further_languages_and_trades_are_found(string subject) =>
        Assert.True(Assess(From(subject, "", "Erik Lund <erik.lund@postnord.se>")).IsInterview);

    [Fact]
    public void Getting_to_know_a_school_or_club_without_a_job_is_not_an_interview() =>
        Assert.False(Assess(From("Kennenlernen Elternbeirat", "", "Frau Berg <berg@kita-sonnenschein.de>")).IsInterview);

    [Fact]
    public void Getting_to_know_a_friend_on_a_personal_address_is_not_an_interview() =>
        Assert.False(Assess(From("Kennenlernen", "", "Lea Braun <lea.braun@gmx.de>")).IsInterview);

    // ---- look-alikes ----
    [Theory]
    [InlineData("Interview with the mayor - piece for the Sunday edition")]
    [InlineData("Entrevista a la alcaldesa - reportaje")]
    [InlineData("Interview with the minister for an article")]
    public void A_journalists_interview_of_a_public_figure_is_not_a_job_interview(string subject) =>
        Assert.False(Assess(From(subject, "", "Press Office <press@cityofboston.gov>")).IsInterview);

    [Theory]
    [InlineData("Entretien annuel d'évaluation")]
    [InlineData("Mitarbeitergespräch 2026")]
    [InlineData("Jahresgespräch")]
    [InlineData("Jaargesprek")]
    [InlineData("Functioneringsgesprek")]
    [InlineData("Colloquio di valutazione")]
    [InlineData("Evaluación de desempeño")]
    [InlineData("Avaliação de desempenho")]
    [InlineData("Annual performance review")]
    public void Performance_reviews_in_any_language_are_not_job_interviews(string subject) =>
        Assert.False(Assess(From(subject)).IsInterview);

    [Fact]
    public void Being_asked_by_your_own_organisation_to_interview_someone_is_not_your_interview() =>
        Assert.False(Assess(Invite("Phone screen: Ana Costa (Warehouse Associate) - please interview", "Hi Jordan, resume in Workday.",
            "Pat Lowe <pat.lowe@northwind.com>", Person("Workday <northwind@myworkday.com>")) with
        { Attendees = [Person("Jordan Rivera <jordan.rivera@northwind.com>"), Person("Workday <northwind@myworkday.com>")] }, Manager).IsInterview);

    [Theory]
    [InlineData("Catch-up with Hudson (legal recruiter) - market update")]
    [InlineData("Quarterly check-in with your recruiter")]
    public void An_agency_recruiters_check_in_is_not_an_interview(string subject) =>
        Assert.False(Assess(From(subject, "", "Hudson Clarke <hudson.clarke@roberthalf.com>")).IsInterview);
}
