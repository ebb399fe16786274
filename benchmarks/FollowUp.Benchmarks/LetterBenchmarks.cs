using BenchmarkDotNet.Attributes;
using FollowUp.Domain.Gifts;
using FollowUp.Domain.Interests;
using FollowUp.Domain.Interviewers;
using FollowUp.Domain.Letters;

namespace FollowUp.Benchmarks;

/// <summary>Issue 6 targets: one letter in at most 100 µs; interests from a 4,000-character note, fast.</summary>
[MemoryDiagnoser]
public class LetterBenchmarks
{
    private LetterInput _input = null!;
    private string _longNote = "";

    [GlobalSetup]
    public void Setup()
    {
        var notes = "Priya runs marathons and is training for Berlin this autumn. We talked about the data platform migration and on-call load.";
        var interests = InterestExtractor.Default.Extract(notes);
        var gifts = interests.SelectMany(i => GiftCatalog.Default.For(i.Topic)).ToList();
        var panel = new List<Interviewer>
        {
            new("Priya Raman", "Priya", "priya.raman@contoso.com"),
            new("Tom Becker", "Tom", "tom.becker@contoso.com"),
            new("Ana Lima", "Ana", "ana.lima@contoso.com"),
        };
        _input = new LetterInput
        {
            Interviewer = panel[0],
            Panel = panel,
            Company = "Contoso",
            Role = "Senior Data Engineer",
            EventId = "AAMkAGI2TG93AAA=",
            InterviewStart = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero),
            TimeZone = TimeZoneInfo.Utc,
            SenderName = "Alex Doe",
            Notes = notes,
            Interests = interests,
            MainInterestPhrase = interests.Count > 0 ? InterestExtractor.Default.PhraseFor(interests[0].Topic) : null,
            Gift = gifts.FirstOrDefault(),
        };
        _longNote = GeneratedCalendar.Note(4000, seed: 7);
    }

    [Benchmark(Description = "Compose one letter")]
    public Letter ComposeOneLetter() => ThankYouComposer.Default.Compose(_input);

    [Benchmark(Description = "Extract interests from a 4,000-char note")]
    public IReadOnlyList<InterestMatch> ExtractFromLongNote() => InterestExtractor.Default.Extract(_longNote);
}
