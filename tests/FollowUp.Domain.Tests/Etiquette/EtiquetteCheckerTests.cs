using FollowUp.Domain.Etiquette;
using FollowUp.Domain.Interviewers;
using FollowUp.Domain.Letters;
using FollowUp.Domain.Tests.Letters;

namespace FollowUp.Domain.Tests.Etiquette;

public class EtiquetteCheckerTests
{
    private static readonly EtiquetteChecker Checker = EtiquetteChecker.Default;
    private static readonly Interviewer Sarah = LetterMatrix.Sarah;

    private const string Body =
        "I'm truly grateful for the time you spent with me on Tuesday discussing the Product Designer role at Contoso. " +
        "Your description of the day-to-day work and of what matters most to the Contoso team was genuinely helpful. " +
        "I especially enjoyed hearing that you knit on weekends and made a blanket for your niece. " +
        "I found this pattern and wanted to share it: <a href=\"https://www.ravelry.com/patterns/library/easy-scarf\">Easy scarf</a>. " +
        "Whatever the outcome, I'm glad we met, and I came away genuinely excited about the role. Thank you again for making me feel so welcome.";

    private static string Html(string greeting = "Dear Sarah,", string body = Body, string signoff = "Best regards,<br>Alex Kim") =>
        $"<p>{greeting}</p><p>{body}</p><p>{signoff}</p>";

    private static IReadOnlyList<EtiquetteFinding> Check(string html, string subject = "Thank you — Product Designer interview",
        string? company = "Contoso", IReadOnlyList<string>? others = null, Interviewer? who = null) =>
        Checker.Check(new EtiquetteInput(who ?? Sarah, company, "Product Designer", subject, html, others ?? []));

    private static void AssertFinding(IReadOnlyList<EtiquetteFinding> findings, string code, string severity) =>
        Assert.Contains(findings, f => f.Code == code && f.Severity == severity);

    [Fact]
    public void Every_letter_the_composer_writes_passes_without_warnings_or_errors()
    {
        foreach (var input in LetterMatrix.All())
        {
            var letter = ThankYouComposer.Default.Compose(input);
            var others = input.Panel.Where(p => p != input.Interviewer)
                .Select(p => ThankYouComposer.Default.Compose(input with { Interviewer = p }).HtmlBody).ToList();
            var findings = Checker.Check(new EtiquetteInput(input.Interviewer, input.Company, input.Role, letter.Subject, letter.HtmlBody, others));
            Assert.True(findings.All(f => f.Severity == "info"), string.Join("; ", findings.Select(f => $"{f.Code}: {f.Message}")));
        }
    }

    [Fact]
    public void A_good_hand_written_letter_has_no_findings() => Assert.Empty(Check(Html()));

    [Theory]
    [InlineData("Dear Sara,", "name-typo")]
    [InlineData("Hi Sarha,", "name-typo")]
    [InlineData("Dear Emily,", "greeting-name")]
    [InlineData("Hello Tom,", "greeting-name")]
    public void A_greeting_to_the_wrong_or_misspelled_name_is_an_error(string greeting, string code) =>
        AssertFinding(Check(Html(greeting)), code, "error");

    [Fact]
    public void An_accented_spelling_of_the_name_is_not_a_typo() =>
        Assert.DoesNotContain(Check(Html("Dear Zoë,"), who: new Interviewer("Zoe Martin", "Zoe", "zoe@contoso.com")), f => f.Severity != "info");

    [Fact]
    public void A_greeting_that_runs_into_the_first_sentence_is_read_correctly() =>
        Assert.DoesNotContain(Check(Html("Hi Sarah, and thanks again!")), f => f.Severity != "info");

    [Fact]
    public void Another_role_is_a_warning() =>
        AssertFinding(Check(Html(body: Body.Replace("Product Designer role", "Data Scientist role"))), "wrong-role", "warning");

    [Theory]
    [InlineData("Dear Ms. Lee,")]
    [InlineData("Dear Sarah Lee,")]
    [InlineData("hi sarah!")]
    public void Formal_or_full_name_greetings_are_fine(string greeting) =>
        Assert.DoesNotContain(Check(Html(greeting)), f => f.Severity != "info");

    [Fact]
    public void A_misspelled_company_is_an_error() =>
        AssertFinding(Check(Html(body: Body.Replace("Contoso", "Contosso"))), "company-typo", "error");

    [Fact]
    public void Another_company_in_the_letter_is_an_error_when_the_real_one_is_absent()
    {
        AssertFinding(Check(Html(body: Body.Replace("Contoso", "Fabrikam"))), "wrong-company", "error");
        Assert.DoesNotContain(Check(Html(body: Body + " My years at Fabrikam taught me a lot.")), f => f.Code == "wrong-company");
    }

    [Fact]
    public void Team_names_are_not_mistaken_for_another_company()
    {
        var body = Body.Replace("Contoso", "").Replace("the  team", "the Design team").Replace(" at .", ".");
        Assert.DoesNotContain(Check(Html(body: body)), f => f.Code == "wrong-company");
    }

    [Fact]
    public void Short_and_long_letters_get_a_warning()
    {
        AssertFinding(Check(Html(body: "Thanks for the chat on Tuesday.")), "too-short", "warning");
        AssertFinding(Check(Html(body: string.Concat(Enumerable.Repeat(Body + " ", 4)))), "too-long", "warning");
    }

    [Fact]
    public void A_missing_subject_is_an_error() => AssertFinding(Check(Html(), subject: " "), "no-subject", "error");

    [Theory]
    [InlineData("Could you share the salary range?", "error")]
    [InlineData("Please let me know if I got the job.", "error")]
    [InlineData("I'm looking forward to your offer.", "error")]
    [InlineData("When will I hear from you?", "warning")]
    [InlineData("I'd love to hear about next steps by Friday.", "warning")]
    public void Asks_are_flagged(string ask, string severity) =>
        AssertFinding(Check(Html(body: Body + " " + ask)), "ask", severity);

    [Theory]
    [InlineData("What I meant to say about the roadmap was different.")]
    [InlineData("To clarify my answer on testing, I would use contracts.")]
    [InlineData("I should have answered the design question with an example.")]
    public void Re_arguing_an_answer_is_a_warning(string sentence) =>
        AssertFinding(Check(Html(body: Body + " " + sentence)), "reargue", "warning");

    [Theory]
    [InlineData("http://www.ravelry.com/patterns", "insecure-link")]
    [InlineData("https://www.amazon.com/dp/B00ABC", "shop-link")]
    [InlineData("https://www.etsy.com/listing/123/scarf", "shop-link")]
    [InlineData("https://shop.example.org/scarf", "shop-link")]
    [InlineData("https://example.org/cart?id=3", "shop-link")]
    [InlineData("https://example.org/product/1234", "shop-link")]
    [InlineData("https://example.org/book?tag=knitter-20", "tracking-link")]
    [InlineData("https://www.starbucks.com/gift", "shop-link")]
    [InlineData("https://example.org/egift-card", "shop-link")]
    [InlineData("https://bit.ly/3abc", "tracking-link")]
    [InlineData("https://example.org/scarf?utm_source=newsletter", "tracking-link")]
    [InlineData("https://example.org/scarf?gclid=abc", "tracking-link")]
    public void Bad_links_are_errors(string url, string code)
    {
        AssertFinding(Check(Html(body: Body.Replace("https://www.ravelry.com/patterns/library/easy-scarf", url))), code, "error");
        AssertFinding(Check(Html(body: Body + " See " + url + " too.")), code, "error");
    }

    [Fact]
    public void Clean_links_to_free_pages_pass() =>
        Assert.DoesNotContain(Check(Html(body: Body + " Also <a href='https://en.wikipedia.org/wiki/Knitting'>this</a> and https://www.cartography.org/maps.")),
            f => f.Code.EndsWith("-link", StringComparison.Ordinal));

    [Fact]
    public void The_same_letter_to_another_panel_member_is_an_error_even_with_the_names_changed()
    {
        var toTom = Html("Dear Tom,").Replace("Sarah", "Tom");
        AssertFinding(Check(Html(), others: [toTom]), "duplicate-across-panel", "error");
        var lightlyEdited = toTom.Replace("truly grateful", "very grateful").Replace("genuinely helpful", "really helpful");
        AssertFinding(Check(Html(), others: [lightlyEdited]), "duplicate-across-panel", "error");
    }

    [Fact]
    public void Different_letters_to_the_panel_pass()
    {
        var other = Html("Hi Tom,", "Thank you so much for speaking with me about how the Contoso platform team plans its quarters. " +
            "Your story about migrating the billing system was fascinating, and I enjoyed hearing about your sourdough. " +
            "Whatever happens, it was a pleasure to meet you.");
        Assert.DoesNotContain(Check(Html(), others: [other]), f => f.Code == "duplicate-across-panel");
    }

    [Fact]
    public void Script_and_style_content_is_not_read_as_the_letter()
    {
        var html = "<style>.x{}</style><script>var salary = 1;</script>" + Html();
        Assert.DoesNotContain(Check(html), f => f.Code == "ask");
    }

    [Fact]
    public void Hostile_html_is_reviewed_without_failing()
    {
        var huge = string.Concat(Enumerable.Repeat("<a href=\"http://x\">word &amp;<<p>>\" <!-- x --> ", 5000));
        var findings = Check(Html() + huge);
        Assert.Contains(findings, f => f.Code == "too-long");
        Assert.Single(findings, f => f.Code == "insecure-link");
    }
}
