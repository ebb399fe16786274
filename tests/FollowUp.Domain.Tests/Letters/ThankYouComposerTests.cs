using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using FollowUp.Domain.Gifts;
using FollowUp.Domain.Interests;
using FollowUp.Domain.Interviewers;
using FollowUp.Domain.Letters;
using Xunit.Abstractions;

namespace FollowUp.Domain.Tests.Letters;

public class ThankYouComposerTests(ITestOutputHelper output)
{
    private static readonly ThankYouComposer Composer = ThankYouComposer.Default;

    private static int Words(string text) => text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;

    private static string FirstSentence(string text)
    {
        var body = text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        return body[..(body.IndexOf('.') + 1)];
    }

    [Fact]
    public void Every_combination_of_known_facts_gives_a_letter_of_100_to_200_words()
    {
        foreach (var input in LetterMatrix.All())
        {
            var letter = Composer.Compose(input);
            Assert.InRange(Words(letter.TextBody), 100, 200);
        }
    }

    [Fact]
    public void Letters_greet_by_first_name_and_thank_in_the_first_sentence()
    {
        foreach (var input in LetterMatrix.All())
        {
            var letter = Composer.Compose(input);
            Assert.Matches($"^(Dear|Hi) {input.Interviewer.FirstName},\n", letter.TextBody);
            Assert.Matches("(?i)thank|grateful|many thanks", FirstSentence(letter.TextBody));
        }
    }

    [Fact]
    public void Letters_name_the_weekday_role_and_company_of_the_interview()
    {
        var letter = Composer.Compose(LetterMatrix.Base() with { Role = "Product Designer", Company = "Contoso" });
        Assert.Contains("on Tuesday", FirstSentence(letter.TextBody));
        Assert.Contains("Product Designer role at Contoso", FirstSentence(letter.TextBody));
        Assert.Equal("Thank you — Product Designer interview", letter.Subject);
    }

    [Fact]
    public void The_weekday_is_the_one_in_the_given_time_zone()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        // 20:00 UTC on Tuesday is Wednesday morning in Tokyo.
        var input = LetterMatrix.Base() with { InterviewStart = new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero), TimeZone = tokyo };
        Assert.Contains("on Wednesday", Composer.Compose(input).TextBody);
        Assert.Contains("on Tuesday", Composer.Compose(input with { TimeZone = null }).TextBody);
    }

    [Theory]
    [InlineData("Product Designer", null, "Thank you — Product Designer interview")]
    [InlineData(null, "Contoso", "Thank you — Contoso interview")]
    [InlineData(null, null, "Thank you for your time")]
    [InlineData("  ", " ", "Thank you for your time")]
    public void Subject_falls_back_from_role_to_company_to_a_plain_thanks(string? role, string? company, string subject) =>
        Assert.Equal(subject, Composer.Compose(LetterMatrix.Base() with { Role = role, Company = company }).Subject);

    [Fact]
    public void Unknown_role_or_company_leave_no_gaps_or_nulls()
    {
        foreach (var input in LetterMatrix.All())
        {
            var text = Composer.Compose(input).TextBody;
            Assert.DoesNotContain("null", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("  ", text);
            Assert.DoesNotContain(" ,", text);
            Assert.DoesNotContain(" .", text);
            Assert.DoesNotContain("{", text);
            Assert.DoesNotContain("..", text);
        }
    }

    [Fact]
    public void The_interest_evidence_is_retold_in_the_second_person()
    {
        var input = LetterMatrix.Base() with
        {
            Notes = LetterMatrix.Notes,
            Interests = [new InterestMatch("knitting", "knits on weekends")],
            MainInterestPhrase = "your knitting",
        };
        var text = Composer.Compose(input).TextBody;
        Assert.Contains("you knit on weekends", text);
        Assert.DoesNotContain("Sarah knits", text);
        Assert.DoesNotContain("roadmap", text); // the job Q&A stays out
    }

    [Theory]
    [InlineData("She loves Hitchcock films", "Hitchcock films", "you love Hitchcock films")]
    [InlineData("- he has two rescue greyhounds", "rescue greyhounds", "you have two rescue greyhounds")]
    [InlineData("they're training for the Berlin marathon", "Berlin marathon", "you're training for the Berlin marathon")]
    [InlineData("Sarah's daughter plays cello", "cello", "your daughter plays cello")]
    [InlineData("we talked about her trip to Japan", "trip to Japan", "our conversation about your trip to Japan")]
    [InlineData("knitted the blanket on her desk, very proud", "knitted the blanket", "you knitted the blanket on your desk")]
    [InlineData("He's a huge Arsenal fan", "Arsenal", "you're a huge Arsenal fan")]
    [InlineData("Sarah also bakes and sells sourdough", "sourdough", "you also bake and sell sourdough")]
    [InlineData("is into bouldering", "bouldering", "you are into bouldering")]
    public void Clauses_of_the_notes_are_retold_safely(string notes, string evidence, string retold)
    {
        var input = LetterMatrix.Base() with { Notes = notes, Interests = [new InterestMatch("x", evidence)], MainInterestPhrase = "your hobby" };
        Assert.Contains(retold, Composer.Compose(input).TextBody);
    }

    [Theory]
    [InlineData("I told her about my knitting", "knitting")]
    [InlineData("big fan of jazz", "jazz")]
    [InlineData("Sarah and I both love hiking", "hiking")]
    [InlineData("Tom knits on weekends", "knits on weekends")]
    [InlineData("met her at the knitting circle", "knitting circle")]
    [InlineData("salary question and she knits", "she knits")]
    [InlineData("see https://evil.example/knit for knitting", "knitting")]
    public void Clauses_that_cannot_be_retold_safely_fall_back_to_the_interest_phrase(string notes, string evidence)
    {
        var input = LetterMatrix.Base() with { Notes = notes, Interests = [new InterestMatch("x", evidence)], MainInterestPhrase = "your knitting" };
        var text = Composer.Compose(input).TextBody;
        Assert.Contains("your knitting", text);
        Assert.DoesNotContain(notes, text);
        Assert.DoesNotContain(" her ", text);
        Assert.DoesNotContain(" my knitting", text);
        Assert.DoesNotContain("salary", text);
        Assert.DoesNotContain("evil", text);
    }

    [Theory]
    [InlineData("We talked for an hour about the roadmap.")]
    [InlineData("we talked about salary and the notice period")]
    [InlineData("I asked her about the roadmap")]
    [InlineData("we talked about the layoffs last spring")]
    public void Notes_without_a_personal_topic_give_the_warm_generic_recall(string notes)
    {
        var text = Composer.Compose(LetterMatrix.Base() with { Notes = notes }).TextBody;
        Assert.DoesNotContain("our conversation about", text);
        Assert.DoesNotContain("salary", text);
        Assert.DoesNotContain("roadmap", text);
    }

    [Fact]
    public void A_company_ending_in_a_full_stop_does_not_double_it()
    {
        foreach (var who in LetterMatrix.Panel)
            Assert.DoesNotContain("..", Composer.Compose(LetterMatrix.Base(who) with { Company = "Contoso Inc." }).TextBody);
    }

    [Theory]
    [InlineData("article", "an article")]
    [InlineData("pattern", "a pattern")]
    public void The_gift_kind_takes_the_right_article(string kind, string phrase)
    {
        var letters = LetterMatrix.Panel.Select(who => Composer.Compose(LetterMatrix.Base(who) with
            { Gift = new Gift("Knitting basics", "https://example.org/knit", "why", kind) }).TextBody).ToList();
        Assert.Contains(letters, l => l.Contains(phrase, StringComparison.Ordinal));
        Assert.DoesNotContain(letters, l => l.Contains(kind == "article" ? "a article" : "an pattern", StringComparison.Ordinal));
    }

    [Fact]
    public void An_interviewer_missing_from_the_panel_list_still_gets_a_letter_distinct_from_the_first_member()
    {
        var outsider = new Interviewer("Lena Park", "Lena", "lena@contoso.com");
        var a = Composer.Compose(LetterMatrix.Base() with { Role = "Product Designer" }).TextBody.Replace("Sarah", "NAME");
        var b = Composer.Compose(LetterMatrix.Base(outsider) with { Role = "Product Designer" }).TextBody.Replace("Lena", "NAME");
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Letters_never_mention_the_candidates_notes()
    {
        foreach (var input in LetterMatrix.All())
            Assert.DoesNotMatch(@"(?i)\bnotes?\b|\bI wrote down\b|\bjotted\b", Composer.Compose(input).TextBody);
    }

    [Fact]
    public void Without_notes_or_interests_the_letter_still_recalls_the_conversation_warmly()
    {
        var letter = Composer.Compose(LetterMatrix.Base() with { Company = "Contoso", Role = "Product Designer" });
        Assert.Matches("(?i)conversation|team|challeng", letter.TextBody);
        Assert.InRange(Words(letter.TextBody), 100, 200);
    }

    [Fact]
    public void The_gift_link_is_woven_in_by_kind_with_the_url_encoded()
    {
        var input = LetterMatrix.Base() with
        {
            MainInterestPhrase = "your knitting",
            Gift = new Gift("Free \"cosy\" scarf <pattern>", "https://example.org/scarf?a=1&b=2", "why", "pattern"),
        };
        var letter = Composer.Compose(input);
        Assert.Contains("pattern", letter.TextBody);
        Assert.Contains("<a href=\"https://example.org/scarf?a=1&amp;b=2\">Free &quot;cosy&quot; scarf &lt;pattern&gt;</a>", letter.HtmlBody);
        Assert.Contains("Free \"cosy\" scarf <pattern> (https://example.org/scarf?a=1&b=2)", letter.TextBody);
    }

    [Theory]
    [InlineData("http://example.org/scarf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    [InlineData("https://www.amazon.com/dp/B000")]
    [InlineData("https://bit.ly/3xyz")]
    [InlineData("https://example.org/scarf?utm_source=mail")]
    public void Gifts_without_a_clean_https_link_are_left_out(string url)
    {
        var letter = Composer.Compose(LetterMatrix.Base() with { Gift = new Gift("Scarf", url, "why", "pattern") });
        Assert.DoesNotContain("<a ", letter.HtmlBody);
        Assert.DoesNotContain("Scarf", letter.TextBody);
        Assert.InRange(Words(letter.TextBody), 100, 200);
    }

    [Fact]
    public void Letters_ask_for_nothing_and_close_whatever_the_outcome()
    {
        foreach (var input in LetterMatrix.All())
        {
            var text = Composer.Compose(input).TextBody;
            Assert.DoesNotMatch(@"(?i)salary|compensation|next steps|hear back|offer|did I get|let me know", text);
        }
        foreach (var who in LetterMatrix.Panel)
            Assert.Matches("(?i)whatever the outcome|whatever happens|however things turn out|regardless of how", Composer.Compose(LetterMatrix.Base(who)).TextBody);
    }

    [Fact]
    public void Letters_are_signed_with_the_senders_name()
    {
        var text = Composer.Compose(LetterMatrix.Base()).TextBody;
        Assert.EndsWith(",\nAlex Kim", text);
    }

    [Fact]
    public void Without_a_sender_name_the_letter_ends_with_a_complete_closing_line()
    {
        var text = Composer.Compose(LetterMatrix.Base() with { SenderName = "  " }).TextBody;
        Assert.EndsWith("With warm thanks and best wishes.", text);
        Assert.DoesNotMatch(@",\s*$", text);
    }

    [Fact]
    public void Without_a_first_name_the_greeting_stays_polite()
    {
        var letter = Composer.Compose(LetterMatrix.Base() with { Interviewer = new Interviewer("", "", "x@contoso.com") });
        Assert.StartsWith("Hello,\n", letter.TextBody);
    }

    [Fact]
    public void Hostile_inputs_are_encoded_and_truncated_under_32_KB()
    {
        var huge = string.Concat(Enumerable.Repeat("<script>alert('x')</script>\"&\r\n", 3500)); // ~100 KB
        var input = LetterMatrix.Base() with
        {
            Interviewer = new Interviewer(huge, huge, "x@contoso.com"),
            Company = huge,
            Role = huge,
            SenderName = huge,
            Notes = huge,
            Interests = [new InterestMatch(huge, huge)],
            MainInterestPhrase = huge,
            Gift = new Gift(huge, "https://example.org/" + new string('a', 100_000), huge, huge),
        };
        var letter = Composer.Compose(input);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(letter.HtmlBody) < 32 * 1024);
        Assert.DoesNotContain("<script", letter.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("[\r\n]", letter.Subject);
        Assert.True(letter.Subject.Length <= 255);
        var tags = Regex.Matches(letter.HtmlBody, "<(/?)([a-z]+)").Select(m => m.Groups[2].Value).Distinct();
        Assert.All(tags, t => Assert.Contains(t, new[] { "p", "br", "a" }));
        Assert.InRange(Words(letter.TextBody), 100, 200);
    }

    [Fact]
    public void Html_and_text_carry_the_same_letter()
    {
        foreach (var input in LetterMatrix.All())
        {
            var letter = Composer.Compose(input);
            var fromHtml = WebUtility.HtmlDecode(Regex.Replace(letter.HtmlBody.Replace("<br>", "\n").Replace("</p>\n", "\n\n"), "<a href=\"([^\"]*)\">([^<]*)</a>", "$2 ($1)"));
            fromHtml = Regex.Replace(fromHtml, "<[^>]+>", "").Trim();
            Assert.Equal(letter.TextBody, fromHtml);
        }
    }

    [Fact]
    public void Panel_members_get_letters_that_differ_in_most_sentences()
    {
        foreach (var notes in new[] { LetterMatrix.Notes, "" })
        {
            var letters = LetterMatrix.Panel.Select(who =>
            {
                var input = LetterMatrix.Base(who) with { Notes = notes, Role = "Product Designer", Company = "Contoso" };
                return Sentences(Composer.Compose(input).TextBody.Replace(who.FirstName, "NAME"));
            }).ToList();
            for (var i = 0; i < letters.Count; i++)
            for (var j = i + 1; j < letters.Count; j++)
            {
                var shared = letters[i].Intersect(letters[j]).Count();
                Assert.True(shared <= 0.4 * Math.Min(letters[i].Count, letters[j].Count), $"letters {i} and {j} share {shared} sentences");
            }
        }
    }

    private static HashSet<string> Sentences(string text) =>
        Regex.Split(text, @"(?<=[.!?,])\s+|\n+").Select(s => s.Trim()).Where(s => s.Length > 0).ToHashSet();

    [Fact]
    public void The_same_input_gives_the_same_letter()
    {
        var input = LetterMatrix.All().Skip(7).First();
        Assert.Equal(Composer.Compose(input), Composer.Compose(input with { }));
    }

    [Fact]
    public void Composing_a_letter_takes_well_under_a_millisecond()
    {
        var inputs = LetterMatrix.All().ToArray();
        foreach (var i in inputs) Composer.Compose(i);
        var sw = Stopwatch.StartNew();
        const int rounds = 20;
        for (var r = 0; r < rounds; r++) foreach (var i in inputs) Composer.Compose(i);
        var perLetter = sw.Elapsed.TotalMicroseconds / (rounds * inputs.Length);
        output.WriteLine($"{perLetter:F1} µs per letter");
        Assert.True(perLetter < 1000, $"{perLetter} µs per letter"); // target 100 µs; loose bound for shared CI cores
    }

    [Fact]
    public void Sample_letters_read_well()
    {
        // Not an assertion of wording: prints letters so a person can read what the composer writes.
        foreach (var input in LetterMatrix.All().Where((_, i) => i % 23 == 0))
        {
            var letter = Composer.Compose(input);
            output.WriteLine($"--- {letter.Subject}\n{letter.TextBody}\n({Words(letter.TextBody)} words)\n");
            Assert.NotEmpty(letter.TextBody);
        }
    }
}
