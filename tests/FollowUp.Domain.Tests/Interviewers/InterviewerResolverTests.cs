using FollowUp.Domain.Calendar;
using FollowUp.Domain.Interviewers;
using static FollowUp.Domain.Tests.Detection.Events;

namespace FollowUp.Domain.Tests.Interviewers;

public class InterviewerResolverTests
{
    private static InterviewParties Resolve(CalendarEvent e, MailboxOwner? owner = null) => InterviewerResolver.Default.Resolve(e, owner ?? Jordan);
    private static string[] Emails(InterviewParties p) => p.Interviewers.Select(i => i.Email.ToLowerInvariant()).Order().ToArray();

    [Fact]
    public void Rooms_and_video_bridges_are_never_thanked()
    {
        var p = Resolve(Invite("Panel interview", "", "Ann Bo <ann.bo@initech.com>",
            Person("Ann Bo <ann.bo@initech.com>"),
            Room("Board Room <board@initech.com>"),
            Person("Conf Room 4B <cr4b@initech.com>"),
            Person("Building 2 <room-2-14@initech.com>"),
            Person("Floor 3 <f3-rm@initech.com>"),
            Person("Zoom Room <zoom-bridge@initech.com>"),
            Person("Teams Meeting <teams-meeting@initech.com>")));
        Assert.Equal(["ann.bo@initech.com"], Emails(p));
    }

    [Fact]
    public void No_reply_and_scheduling_tool_mailboxes_are_never_thanked()
    {
        var p = Resolve(Invite("Interview", "", "Greenhouse <no-reply@greenhouse.io>",
            Person("Notifications <notifications@initech.com>"),
            Person("Calendly <x@calendly.com>"),
            Person("Do Not Reply <donotreply@initech.com>"),
            Person("Lever <hello@hire.lever.co>"),
            Person("Ken Adams <ken.adams@initech.com>")));
        Assert.Equal(["ken.adams@initech.com"], Emails(p));
    }

    [Fact]
    public void Distribution_lists_are_never_thanked()
    {
        var p = Resolve(Invite("Interview", "", "Initech Recruiting <recruiting@initech.com>",
            Person("interview-panel@initech.com"),
            Person("Talent <talent@initech.com>"),
            Person("eng-hiring@initech.com"),
            Person("Jobs <jobs@initech.com>"),
            Person("Ken Adams <ken.adams@initech.com>")));
        Assert.Equal(["ken.adams@initech.com"], Emails(p));
    }

    [Fact]
    public void A_coordinator_who_only_scheduled_is_not_thanked()
    {
        var p = Resolve(Invite("Onsite", "Schedule:\n10:00 Coding with Alex Novak\n11:00 Design with Rita Gomez\nCoordinator: Tina Brooks",
            "Tina Brooks <tina.brooks@contoso.com>",
            Person("Alex Novak <alex.novak@contoso.com>"), Person("Rita Gomez <rita.gomez@contoso.com>"), Person("Tina Brooks <tina.brooks@contoso.com>")));
        Assert.Equal(["alex.novak@contoso.com", "rita.gomez@contoso.com"], Emails(p));
    }

    [Fact]
    public void A_scheduler_named_so_in_the_calendar_is_not_thanked()
    {
        var p = Resolve(Invite("Interview loop", "", "Pat Quinn (Recruiting Coordinator) <pat.quinn@contoso.com>",
            Person("Jan Kowalski <jan.kowalski@contoso.com>")));
        Assert.Equal(["jan.kowalski@contoso.com"], Emails(p));
    }

    [Fact]
    public void An_organizer_who_says_they_are_coordinating_is_not_thanked()
    {
        var p = Resolve(Invite("Interview", "Hi Jordan, I'll be coordinating your interviews. You'll meet Wei Zhang.",
            "Kelly Stone <kelly.stone@adatum.com>", Person("Wei Zhang <wei.zhang@adatum.com>"), Person("Kelly Stone <kelly.stone@adatum.com>")));
        Assert.Equal(["wei.zhang@adatum.com"], Emails(p));
    }

    [Fact]
    public void An_organizer_nobody_names_while_others_are_named_only_sent_the_invite()
    {
        var p = Resolve(Invite("Chat with Priya (Hiring Manager)", "Priya leads the analytics team.", "Noah Fisch <noah.fisch@litware.com>",
            Person("Priya Raman <priya.raman@litware.com>"), Person("Noah Fisch <noah.fisch@litware.com>")));
        Assert.Equal(["priya.raman@litware.com"], Emails(p));
    }

    [Fact]
    public void The_recruiter_who_runs_a_screen_is_the_interviewer()
    {
        var p = Resolve(Invite("Recruiter screen", "I'm the recruiter for the role; looking forward to it. - Zara", "Zara Ahmed <zara.ahmed@fabrikam.com>"));
        var zara = Assert.Single(p.Interviewers);
        Assert.Equal("zara.ahmed@fabrikam.com", zara.Email);
        Assert.Equal("Zara", zara.FirstName);
    }

    [Fact]
    public void When_everyone_else_is_filtered_out_a_human_organizer_is_kept()
    {
        var p = Resolve(Invite("Interview", "", "Sam Lee (Scheduler) <sam.lee@contoso.com>", Person("interview-panel@contoso.com")));
        Assert.Equal(["sam.lee@contoso.com"], Emails(p));
    }

    [Fact]
    public void The_owner_is_never_thanked_whatever_the_case_of_the_address()
    {
        var p = Resolve(Invite("Interview", "", "JORDAN.RIVERA@OUTLOOK.COM", Person("Jordan R <Jordan.Rivera@Outlook.com>"), Person("Ken Adams <ken.adams@initech.com>")));
        Assert.Equal(["ken.adams@initech.com"], Emails(p));
    }

    [Fact]
    public void People_are_listed_once_whatever_the_case_of_their_address()
    {
        var p = Resolve(Invite("Interview", "", "Nora Quinn <Nora.Quinn@Relecloud.com>", Person("Nora Quinn <nora.quinn@relecloud.com>"), Person("NORA QUINN <NORA.QUINN@RELECLOUD.COM>")));
        Assert.Single(p.Interviewers);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("XXXXXXXX URGENT!!!!!! XXXX")]
    [InlineData("sarah.chen@contoso.com")]
    [InlineData("")]
    [InlineData("A very long display name that goes on and on and on well past anything a person would use as a name")]
    public void Hostile_or_empty_names_are_replaced_by_the_name_the_body_gives(string hostile)
    {
        var p = Resolve(Invite("Interview with Contoso", "You'll meet Sarah Chen, Engineering Manager.", "Contoso Talent <talent@contoso.com>", Person($"{hostile} <sarah.chen@contoso.com>")));
        var sarah = Assert.Single(p.Interviewers);
        Assert.Equal("Sarah Chen", sarah.Name);
        Assert.Equal("Sarah", sarah.FirstName);
    }

    [Theory]
    [InlineData("sarah.chen@contoso.com", "Sarah Chen")]
    [InlineData("schen@contoso.com", "Schen")]
    [InlineData("maria_lopez-garcia@contoso.com", "Maria Lopez Garcia")]
    public void Without_a_usable_name_one_is_built_from_the_address(string address, string expected)
    {
        var p = Resolve(Invite("Interview", "", $"<{address}>", Person($"<{address}>")));
        Assert.Equal(expected, Assert.Single(p.Interviewers).Name);
    }

    [Fact]
    public void Invisible_and_direction_changing_characters_are_stripped_from_names()
    {
        var p = Resolve(Invite("Interview", "", "Litware Talent <talent@litware.com>", Person("\u202eOmar\u200b Farouk\u202c <omar.farouk@litware.com>")));
        var omar = Assert.Single(p.Interviewers);
        Assert.Equal("Omar Farouk", omar.Name);
        Assert.DoesNotContain(omar.Name, c => c is '\u202e' or '\u200b' or '\u202c');
    }

    [Theory]
    [InlineData("Dr. Maria Lopez", "Maria")]
    [InlineData("Chen, Sarah", "Sarah")]
    [InlineData("Prof. Dr. Anna Schmidt", "Anna")]
    [InlineData("Liam O'Connor", "Liam")]
    public void First_name_is_the_first_word_of_the_name_without_titles(string name, string first)
    {
        var p = Resolve(Invite("Interview", "", $"{name} <someone@initech.com>"));
        Assert.Equal(first, Assert.Single(p.Interviewers).FirstName);
    }

    [Theory]
    [InlineData("Interview with Tailspin Toys", "", "Tailspin Toys")]
    [InlineData("Woodgrove Bank | Phone Screen", "", "Woodgrove Bank")]
    [InlineData("Intro call", "Looking forward to telling you about the team at Fabrikam.", "Fabrikam")]
    public void Company_is_read_from_subject_body_or_domain(string subject, string body, string company)
    {
        var domain = company.Replace(" ", "").ToLowerInvariant() + ".com";
        Assert.Equal(company, Resolve(Invite(subject, body, $"Ann Bo <ann.bo@{domain}>")).Company);
    }

    [Fact]
    public void Company_comes_from_the_domain_when_the_text_does_not_name_it() =>
        Assert.Equal("Fabrikam", Resolve(Invite("Phone screen", "", "Ann Bo <ann.bo@fabrikam.com>")).Company);

    [Fact]
    public void Webmail_and_scheduling_tool_domains_are_not_companies()
    {
        Assert.Null(Resolve(Invite("Phone screen", "", "Sam Ortiz <sam.ortiz@gmail.com>")).Company);
        Assert.Null(Resolve(Invite("Phone screen", "", "Greenhouse <no-reply@greenhouse.io>", Person("Sam Ortiz <sam.ortiz@gmail.com>"))).Company);
    }

    [Fact]
    public void Company_is_read_from_the_body_when_the_interviewer_uses_webmail() =>
        Assert.Equal("Nimbus", Resolve(Invite("Interview", "Company: Nimbus\nExcited to chat!", "Sam Ortiz <sam.ortiz@gmail.com>")).Company);

    [Theory]
    [InlineData("Interview", "Thanks for your interest in the Senior Data Engineer position.", "Senior Data Engineer")]
    [InlineData("Interview", "Role: Staff Software Engineer\nInterviewer: Ken", "Staff Software Engineer")]
    [InlineData("Interview - Fabrikam - Product Analyst", "", "Product Analyst")]
    [InlineData("Bewerbungsgespräch", "Einladung für die Stelle als Data Analyst.", "Data Analyst")]
    [InlineData("Entretien", "Merci pour votre candidature au poste de Chef de projet.", "Chef de projet")]
    [InlineData("Entrevista", "Gracias por tu interés en el puesto de Ingeniero de Software.", "Ingeniero de Software")]
    [InlineData("Entrevista", "Obrigado pela sua candidatura à vaga de Analista de Dados.", "Analista de Dados")]
    [InlineData("Colloquio", "Colloquio per la posizione di Sviluppatore Java con Giulia.", "Sviluppatore Java")]
    [InlineData("Software Engineer II loop", "", "Software Engineer II")]
    [InlineData("Échange - candidature Data Scientist", "", "Data Scientist")]
    public void Role_is_read_when_stated(string subject, string body, string role) =>
        Assert.Equal(role, Resolve(Invite(subject, body, "Ann Bo <ann.bo@initech.com>")).Role);

    [Fact]
    public void The_interviewers_title_is_not_taken_for_the_role() =>
        Assert.Null(Resolve(Invite("Chat with Priya (Hiring Manager)", "", "Priya Raman <priya@litware.com>")).Role);

    [Fact]
    public void Role_and_company_are_limited_to_a_sensible_length()
    {
        var p = Resolve(Invite("Interview", "Role: " + new string('x', 50) + " Engineer " + new string('y', 100), "Ann Bo <ann.bo@initech.com>"));
        Assert.True(p.Role is null || p.Role.Length <= 80);
        Assert.True(p.Company is null || p.Company.Length <= 80);
    }
}
