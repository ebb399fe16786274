using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;

namespace FollowUp.Domain.Tests.Detection;

/// <summary>The detector reads a plain ASCII opening greeting by hand; it must read exactly what the greeting pattern matches.</summary>
public class OpeningGreetingTests
{
    private static readonly Type Reader = typeof(InterviewDetector).Assembly.GetType("FollowUp.Domain.Detection.OpeningGreeting", throwOnError: true)!;
    private static readonly Regex Pattern = (Regex)Reader.GetField("Pattern", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
    private static readonly MethodInfo ReadAsciiMethod = Reader.GetMethod("ReadAscii", BindingFlags.NonPublic | BindingFlags.Static)!;

    private static (string Reading, string? Greeting, string? Name) ReadAscii(string text)
    {
        // ReadOnlySpan<char> cannot be boxed for Invoke: go through a delegate.
        var read = ReadAsciiMethod.CreateDelegate<ReadDelegate>();
        var reading = Enum.GetName(ReadAsciiMethod.ReturnType, read(text, out var greeting, out var name))!;
        return reading == "Found" ? (reading, text[greeting], text[name]) : (reading, null, null);
    }

    private delegate int ReadDelegate(ReadOnlySpan<char> text, out Range greeting, out Range name);

    [Theory]
    [InlineData("hi alex, thanks for your time", "hi", "alex")]
    [InlineData("  dear  hiring team,", "dear", "hiring")]
    [InlineData("hello,,, priya", "hello", "priya")]
    [InlineData("-- 'hi jordan", "hi", "jordan")]
    [InlineData("good morning sam", "good", "morning")]
    [InlineData("hi , ana!", "hi", "ana")]
    [InlineData("' , alex", "' ", "alex")]
    public void Reads_the_greeting_and_the_name_after_it(string text, string greeting, string name)
    {
        Assert.Equal(("Found", greeting, name), ReadAscii(text));
        var match = Pattern.Match(text);
        Assert.Equal((greeting, name), (match.Groups["greeting"].Value, match.Groups["name"].Value));
    }

    [Theory]
    [InlineData("1. hi alex")]
    [InlineData("hi")]
    [InlineData("hi 42")]
    [InlineData("_hi alex")]
    [InlineData("")]
    public void Finds_no_greeting_where_the_pattern_finds_none(string text)
    {
        Assert.Equal("None", ReadAscii(text).Reading);
        Assert.DoesNotMatch(Pattern, text);
    }

    [Theory]
    [InlineData("hi zoë, welcome")]
    [InlineData("• hi alex")]
    [InlineData("hi müller")]
    public void Leaves_text_past_ASCII_to_the_pattern(string text) => Assert.Equal("NotAscii", ReadAscii(text).Reading);

    [Fact]
    public void Reads_random_ASCII_openings_exactly_as_the_pattern_does()
    {
        // Letters, the greeting's apostrophe and spaces, the separating commas, word characters that are not letters, punctuation.
        var pieces = new[] { "hi", "dear", "hello", "good morning", "a", "b", "z", " ", " ", ",", "'", "_", "1", "-", ".", "!", "\t", "\n", "alex" };
        var random = new Random(7);
        var found = 0;
        for (var i = 0; i < 50_000; i++)
        {
            var sb = new StringBuilder();
            var count = random.Next(0, 10);
            for (var k = 0; k < count; k++) sb.Append(pieces[random.Next(pieces.Length)]);
            var text = sb.ToString();
            var match = Pattern.Match(text);
            var read = ReadAscii(text);
            Assert.True(read.Reading != "NotAscii", text);
            Assert.True(match.Success == (read.Reading == "Found"), $"\"{text}\": pattern {match.Success}, hand {read.Reading}");
            if (!match.Success) continue;
            found++;
            Assert.Equal((match.Groups["greeting"].Value, match.Groups["name"].Value), (read.Greeting, read.Name));
        }
        Assert.True(found > 5_000, $"only {found} texts had a greeting");
    }

    [Theory]
    [InlineData("Hi Zoë, thanks for applying. Our interview will take 45 minutes.", true)]
    [InlineData("Hi Alex, thanks for applying. Our interview will take 45 minutes.", false)]
    public void A_name_past_ASCII_is_still_read_through_the_pattern(string body, bool greetsOwner)
    {
        var owner = new MailboxOwner("Zoë Adams", "zoe@gmail.com");
        var e = new CalendarEvent
        {
            Id = "1", Subject = "Interview", BodyText = body, Start = DateTimeOffset.UnixEpoch, End = DateTimeOffset.UnixEpoch.AddHours(1),
            Organizer = new EmailAddress("Priya Raman", "priya@contoso.com"),
            Attendees = [new Attendee(new EmailAddress("Zoë Adams", "zoe@gmail.com"))],
        };
        var reasons = InterviewDetector.Default.Assess(e, owner).Reasons;
        Assert.Equal(greetsOwner, reasons.Contains("the body greets you"));
        Assert.Equal(!greetsOwner, reasons.Contains("the body greets someone else"));
    }
}
