using FollowUp.Domain.Calendar;
using FollowUp.Domain.Interviewers;
using static FollowUp.Domain.Tests.Detection.Events;

namespace FollowUp.Domain.Tests.Interviewers;

/// <summary>People who only arranged the interview (agencies, recruiters, assistants) are not thanked; the people met are.</summary>
public class ArrangerTests
{
    private static IReadOnlyList<string> Thanked(CalendarEvent e) =>
        InterviewerResolver.Default.Resolve(e, Jordan).Interviewers.Select(i => i.Email.ToLowerInvariant()).Order().ToList();

    [Fact]
    public void An_agency_named_in_the_subject_only_arranged_the_client_interview()
    {
        var e = Invite("Client interview - Data Engineer @ Adatum (via Brookfield)", "Hi Jordan, Adatum would like to meet you: Lena Ortiz and Raj Pal on Teams. I will call you beforehand. Tom",
            "Tom Reeve <tom.reeve@brookfield.co.uk>", Person("Lena Ortiz <lena.ortiz@adatum.com>"), Person("Raj Pal <raj.pal@adatum.com>"));
        Assert.Equal(["lena.ortiz@adatum.com", "raj.pal@adatum.com"], Thanked(e));
    }

    [Fact]
    public void Without_the_agency_in_the_subject_a_sender_who_takes_part_is_still_thanked()
    {
        var e = Invite("Interview - Data Engineer @ Adatum", "Hi Jordan, Lena Ortiz and I will meet you on Teams. I'll join as well. Tom",
            "Tom Reeve <tom.reeve@brookfield.co.uk>", Person("Lena Ortiz <lena.ortiz@adatum.com>"));
        Assert.Contains("tom.reeve@brookfield.co.uk", Thanked(e));
    }

    [Theory]
    [InlineData("Priya has arranged your interview with Lena Ortiz, Clinical Lead.")]
    [InlineData("Bonjour Jordan, comme convenu avec Priya (RH), voici un créneau avec Lena Ortiz.")]
    [InlineData("Hi Jordan, Lena Ortiz here. Priya from our recruiting team passed along your profile.")]
    [InlineData("Schedule: 10:00 Lena Ortiz. Admin: Priya Shah")]
    public void Someone_named_as_arranging_is_not_thanked(string body)
    {
        var e = Invite("Interview - Staff Nurse", body, "Priya Shah <priya.shah@adatum.com>", Person("Lena Ortiz <lena.ortiz@adatum.com>"));
        Assert.Equal(["lena.ortiz@adatum.com"], Thanked(e));
    }

    [Fact]
    public void An_attendee_from_hr_who_joins_the_interview_is_thanked()
    {
        var e = Invite("Entrevista personal - Adatum", "Entrevista personal con Lena Ortiz (RRHH) y Raj Pal (Jefe de zona).",
            "Selección Adatum <seleccion@adatum.com>", Person("Lena Ortiz <lena.ortiz@adatum.com>"), Person("Raj Pal <raj.pal@adatum.com>"));
        Assert.Equal(["lena.ortiz@adatum.com", "raj.pal@adatum.com"], Thanked(e));
    }
}
