using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;
using static FollowUp.Domain.Tests.Detection.Events;

namespace FollowUp.Domain.Tests.Detection;

public class InterviewDetectorTests
{
    private static InterviewAssessment Assess(CalendarEvent e, MailboxOwner? owner = null) => InterviewDetector.Default.Assess(e, owner ?? Jordan);

    private static void AssertInterview(CalendarEvent e, string? kind = null, MailboxOwner? owner = null)
    {
        var a = Assess(e, owner);
        Assert.True(a.IsInterview, string.Join("; ", a.Reasons));
        Assert.InRange(a.Confidence, 0.5, 1.0);
        Assert.NotEmpty(a.Reasons);
        if (kind is not null) Assert.Equal(kind, a.Kind);
    }

    private static void AssertNotInterview(CalendarEvent e, MailboxOwner? owner = null)
    {
        var a = Assess(e, owner);
        Assert.False(a.IsInterview, string.Join("; ", a.Reasons));
        Assert.Null(a.Kind);
        Assert.InRange(a.Confidence, 0.5, 1.0);
    }

    // ---- positive kinds ----
    [Fact]
    public void Recruiter_phone_screen_is_an_interview() =>
        AssertInterview(Invite("Phone screen: Jordan / Vandelay Industries", "Hi Jordan, I'm the recruiter for the Import Analyst role.", "Kramer Cosmo <ck@vandelay.com>", Person("Kramer Cosmo <ck@vandelay.com>")), "phone screen");

    [Fact]
    public void Coding_round_is_a_technical_interview() =>
        AssertInterview(Invite("Live coding round", "Thanks for applying. Your interviewer is Ken Adams.", "Ken Adams <ken@initech.com>", Person("Ken Adams <ken@initech.com>")), "technical");

    [Fact]
    public void System_design_session_is_a_technical_interview() =>
        AssertInterview(Invite("System design — Jordan Rivera", "", "Greenhouse <no-reply@greenhouse.io>", Person("Ann Bo <ann.bo@initech.com>")), "technical");

    [Fact]
    public void Panel_with_a_room_is_a_panel_interview() =>
        AssertInterview(Invite("Panel interview - Data Engineer", "", "Ann Bo <ann.bo@initech.com>", Person("Ann Bo <ann.bo@initech.com>"), Person("Cy Dee <cy.dee@initech.com>"), Room("Conf Room 4B <confroom4b@initech.com>")), "panel");

    [Fact]
    public void Virtual_onsite_is_an_onsite_interview() =>
        AssertInterview(Invite("Virtual Onsite", "Your schedule for the day", "Ann Bo <ann.bo@initech.com>", Person("Ann Bo <ann.bo@initech.com>")), "onsite");

    [Fact]
    public void Final_round_is_a_final_interview() =>
        AssertInterview(Invite("Final round with our CTO", "", "Ann Bo <ann.bo@initech.com>", Person("Ann Bo <ann.bo@initech.com>")), "final");

    [Fact]
    public void Chat_with_the_hiring_manager_is_an_interview_without_saying_so() =>
        AssertInterview(Invite("Chat with Priya (Hiring Manager)", "Priya would like to hear about your background.", "Noah Fisch <noah@litware.com>", Person("Priya Raman <priya@litware.com>")), "hiring manager");

    [Fact]
    public void Coffee_with_the_team_during_a_hiring_process_is_a_team_chat() =>
        AssertInterview(Invite("Coffee with the team", "A relaxed chat with future teammates as part of your interview process.", "Mia Torres <mia@contoso.com>", Person("Mia Torres <mia@contoso.com>")), "team chat");

    [Fact]
    public void Culture_fit_step_is_a_team_chat() =>
        AssertInterview(Invite("Culture fit conversation", "Next step in the hiring process for the Designer position.", "Lena Berg <lena@wwi.com>", Person("Lena Berg <lena@wwi.com>")), "team chat");

    [Fact]
    public void Recruiter_next_steps_without_the_word_interview_is_an_interview() =>
        AssertInterview(Invite("Acme <> Jordan: next steps", "Great to connect! Let's continue the conversation about the Solutions Architect role.", "Rachel Green <rachel@acme.com>", Person("Rachel Green <rachel@acme.com>")));

    [Theory]
    [InlineData("greenhouse.io")]
    [InlineData("hire.lever.co")]
    [InlineData("myworkday.com")]
    [InlineData("ashbyhq.com")]
    [InlineData("calendly.com")]
    [InlineData("goodtime.io")]
    public void Invites_from_scheduling_tools_are_interviews(string toolDomain) =>
        AssertInterview(Invite("Jordan Rivera <> Initech", "Your conversation with Ken about the Backend Engineer position.", $"Scheduler <no-reply@{toolDomain}>", Person("Ken Adams <ken@initech.com>")));

    [Theory]
    [InlineData("Vorstellungsgespräch – Softwareentwickler", "Vielen Dank für Ihre Bewerbung.")]
    [InlineData("BEWERBUNGSGESPRACH bei Muster", "")]
    [InlineData("Entretien d'embauche", "Suite à votre candidature")]
    [InlineData("Entrevista - Ingeniero de Software", "Gracias por tu interés en el puesto")]
    [InlineData("Entrevista - vaga de Analista", "Obrigado pela sua candidatura")]
    [InlineData("Sollicitatiegesprek", "Bedankt voor je sollicitatie")]
    [InlineData("Colloquio conoscitivo", "Gentile candidato")]
    public void Interviews_are_found_in_seven_languages_regardless_of_accents_and_case(string subject, string body) =>
        AssertInterview(Invite(subject, body, "Anna Schmidt <anna@muster.example>", Person("Anna Schmidt <anna@muster.example>")));

    [Fact]
    public void Cancelled_interviews_stay_interviews_and_say_so()
    {
        var e = Invite("Canceled: Phone Screen - Contoso", "", "Maya Patel <maya@contoso.com>", Person("Maya Patel <maya@contoso.com>")) with { IsCancelled = true };
        var a = Assess(e);
        Assert.True(a.IsInterview);
        Assert.Contains(a.Reasons, r => r.Contains("cancelled", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Abgesagt: Vorstellungsgespräch")]
    [InlineData("Annulé : Entretien technique")]
    [InlineData("Cancelled: Technical interview")]
    public void Cancellation_prefixes_are_stripped_and_reported(string subject)
    {
        var a = Assess(Invite(subject, "", "Ann Bo <ann.bo@initech.com>", Person("Ann Bo <ann.bo@initech.com>")));
        Assert.True(a.IsInterview);
        Assert.Contains("cancelled", a.Reasons);
    }

    [Fact]
    public void Declined_interviews_stay_interviews_and_say_so()
    {
        var e = Invite("Technical interview - Adatum", "", "Victor Hale <victor@adatum.com>", Person("Victor Hale <victor@adatum.com>")) with { UserResponse = ResponseKind.Declined };
        var a = Assess(e);
        Assert.True(a.IsInterview);
        Assert.Contains(a.Reasons, r => r.Contains("declined", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Updated invitation: Interview with Litware")]
    [InlineData("RE: Interview availability")]
    [InlineData("FW: Interview - Business Analyst")]
    public void Mail_and_calendar_prefixes_do_not_hide_an_interview(string subject) =>
        AssertInterview(Invite(subject, "", "Noah Fisch <noah@litware.com>", Person("Noah Fisch <noah@litware.com>")));

    [Fact]
    public void A_company_named_like_a_warning_word_is_not_held_against_the_interview() =>
        AssertInterview(Invite("Video interview with Margie's Travel", "", "Paula Gray <paula@margiestravel.com>", Person("Paula Gray <paula@margiestravel.com>")));

    // ---- hard negatives ----
    [Fact] public void Interview_prep_block_is_not_an_interview() => AssertNotInterview(OwnBlock("Interview prep"));
    [Fact] public void Preparing_for_a_company_interview_is_not_an_interview() => AssertNotInterview(OwnBlock("Prepare for Contoso interview", "Research the team"));
    [Fact] public void Practising_star_answers_is_not_an_interview() => AssertNotInterview(OwnBlock("Practice STAR answers"));
    [Fact] public void A_block_made_alone_is_not_an_interview_even_if_it_says_interview() => AssertNotInterview(OwnBlock("Interview with Contoso (phone)"));

    [Fact]
    public void Webinar_about_interviewing_is_not_an_interview() =>
        AssertNotInterview(Invite("Webinar: Acing your interview", "Register now, free.", "Events <events@careerhub.example>"));

    [Fact]
    public void Career_fair_is_not_an_interview() =>
        AssertNotInterview(Invite("Career fair", "Bring your resume", "University Careers <careers@uni.example>"));

    [Fact]
    public void Mock_interview_with_a_coach_is_not_an_interview() =>
        AssertNotInterview(Invite("Mock interview with Coach Dana", "Session 3 of your coaching package", "Dana Lee <dana@coachdana.example>", Person("Dana Lee <dana@coachdana.example>")));

    [Fact]
    public void Exit_interview_is_not_a_job_interview() =>
        AssertNotInterview(Invite("Exit interview", "", "HR <hr@northwind.com>", Person("Ruth Hale <ruth.hale@northwind.com>")), JordanAtWork);

    [Fact]
    public void User_research_interview_is_not_a_job_interview() =>
        AssertNotInterview(Invite("User interview - onboarding flow", "", "Lena Ortiz <lena.ortiz@northwind.com>", Person("Carlos Mendes <carlos@customer.example>")), JordanAtWork);

    [Fact]
    public void Customer_interview_is_not_a_job_interview() =>
        AssertNotInterview(Invite("Customer interview: procurement team", "", "Lena Ortiz <lena.ortiz@northwind.com>", Person("Greg Hall <greg@fabrikam.com>")), JordanAtWork);

    [Fact]
    public void Podcast_interview_is_not_a_job_interview() =>
        AssertNotInterview(Invite("Podcast interview: The Dev Hour", "Recording for episode 112", "Mike Host <mike@devhour.example>", Person("Mike Host <mike@devhour.example>")));

    [Fact]
    public void Journalist_interview_is_not_a_job_interview() =>
        AssertNotInterview(Invite("Media interview with a journalist", "For an article", "Anna Press <anna@news.example>", Person("Anna Press <anna@news.example>")));

    [Fact]
    public void Interviewing_a_named_candidate_for_your_own_company_is_not_your_interview() =>
        AssertNotInterview(Invite("Interview: Jane Doe for Backend Engineer", "Jane is interviewing for Backend Engineer.", "Northwind Recruiting <recruiting@northwind.com>", Person("Bo Li <bo.li@northwind.com>")), JordanAtWork);

    [Fact]
    public void Invite_asking_for_a_scorecard_makes_you_the_interviewer() =>
        AssertNotInterview(Invite("Technical interview - Jane Doe", "Please submit your scorecard within 24 hours.", "Greenhouse <no-reply@greenhouse.io>", Person("Jane Doe <jane.doe@gmail.com>")));

    [Fact]
    public void Debrief_is_not_an_interview() =>
        AssertNotInterview(Invite("Debrief - Jane Doe", "", "Bo Li <bo.li@northwind.com>", Person("Bo Li <bo.li@northwind.com>")), JordanAtWork);

    [Fact]
    public void Hiring_committee_is_not_an_interview() =>
        AssertNotInterview(Invite("Hiring committee review", "", "Committee <hiring-committee@northwind.com>"), JordanAtWork);

    [Fact]
    public void Owner_inviting_an_outside_person_to_be_interviewed_is_not_their_interview() =>
        AssertNotInterview(OwnBlock("Interview with Sofia Russo - Product Designer", "Hi Sofia, looking forward to speaking with you about the role!", Person("Sofia Russo <sofia.russo@gmail.com>")), JordanAtWork);

    [Fact]
    public void Offer_call_is_not_an_interview() =>
        AssertNotInterview(Invite("Offer call - Contoso", "Excited to walk you through the offer details!", "Maya Patel <maya@contoso.com>", Person("Maya Patel <maya@contoso.com>")));

    [Fact]
    public void Offer_negotiation_is_not_an_interview() =>
        AssertNotInterview(Invite("Compensation discussion", "Let's discuss the offer package.", "Rachel Green <rachel@acme.com>", Person("Rachel Green <rachel@acme.com>")));

    [Fact]
    public void One_on_one_is_not_an_interview() =>
        AssertNotInterview(Invite("Jordan / Bo 1:1", "", "Bo Li <bo.li@northwind.com>", Person("Bo Li <bo.li@northwind.com>")), JordanAtWork);

    [Fact]
    public void Standup_is_not_an_interview() =>
        AssertNotInterview(Invite("Daily standup", "", "Bo Li <bo.li@northwind.com>", Person("Zoe Hill <zoe.hill@northwind.com>")), JordanAtWork);

    [Fact]
    public void Team_meeting_is_not_an_interview() =>
        AssertNotInterview(Invite("Platform team weekly", "Agenda: incidents", "Zoe Hill <zoe.hill@northwind.com>", Person("platform-team@northwind.com"), Room("Conf Room 4B <confroom4b@northwind.com>")), JordanAtWork);

    [Theory]
    [InlineData("Dentist")]
    [InlineData("Gym")]
    [InlineData("Mom's birthday dinner")]
    [InlineData("School run")]
    [InlineData("Flight to Berlin (LH 401)")]
    [InlineData("OOO - vacation")]
    public void Personal_travel_and_time_off_events_are_not_interviews(string subject) => AssertNotInterview(OwnBlock(subject));

    [Fact]
    public void An_event_with_no_signal_is_rejected_with_a_reason()
    {
        var a = Assess(Invite("Lunch", "", "Maria Silva <maria.silva@gmail.com>", Person("Maria Silva <maria.silva@gmail.com>")));
        Assert.False(a.IsInterview);
        Assert.NotEmpty(a.Reasons);
    }
}
