using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;

namespace FollowUp.Domain.Tests.Detection;

public class MediaCompanyTests
{
    private static readonly MailboxOwner Jordan = new("Jordan Rivera", "jordan.rivera@outlook.com");

    private static CalendarEvent Invite(string subject, string organizer) => new()
    {
        Id = "e1",
        Subject = subject,
        BodyText = "Hi Jordan, thanks for agreeing to be our guest! I'll interview you for about 45 minutes about your migration to streaming.",
        Start = new DateTimeOffset(2026, 11, 13, 19, 0, 0, TimeSpan.Zero),
        End = new DateTimeOffset(2026, 11, 13, 20, 0, 0, TimeSpan.Zero),
        Organizer = new EmailAddress("Chris Doyle", organizer),
        Attendees = [new Attendee(new EmailAddress("Jordan Rivera", "jordan.rivera@outlook.com"))],
    };

    [Fact]
    public void A_podcast_that_interviews_the_user_is_not_a_job_interview_even_when_its_domain_says_podcast() =>
        Assert.False(InterviewDetector.Default.Assess(Invite("Podcast recording: The Pipeline Podcast – interview with Jordan Rivera", "chris@pipelinepodcast.fm"), Jordan).IsInterview);

    [Fact]
    public void A_company_named_like_a_warning_word_still_hires() =>
        Assert.True(InterviewDetector.Default.Assess(Invite("Interview: Senior Data Engineer – Margie's Travel", "hr@margiestravel.com") with
        {
            BodyText = "Hi Jordan, thank you for applying for the Senior Data Engineer role. We'd like to invite you to an interview with our team.",
        }, Jordan).IsInterview);
}
