using FollowUp.Domain.Interests;

namespace FollowUp.Domain.Tests.Interests;

public class InterestExtractorTests
{
    private static readonly InterestExtractor Extractor = InterestExtractor.Default;

    private static string? MainTopic(string notes) => Extractor.Extract(notes).FirstOrDefault()?.Topic;

    [Theory]
    [InlineData("She knits.")]
    [InlineData("He showed me the knitted blanket on his couch.")]
    [InlineData("Lovely person, a lifelong knitter.")]
    [InlineData("They spend evenings knitting.")]
    [InlineData("She was working on sweater patterns during lunch.")]
    [InlineData("She knit her own scarf.")]
    public void Every_word_form_of_knitting_names_knitting(string notes) => Assert.Equal("knitting", MainTopic(notes));

    [Theory]
    [InlineData("Hitchcock fan, quoted Rear Window twice.")]
    [InlineData("He loves Casablanca.")]
    [InlineData("She watches old films on Sundays.")]
    [InlineData("Big into film noir.")]
    public void Directors_titles_and_eras_name_classic_movies(string notes) => Assert.Equal("classic movies", MainTopic(notes));

    [Theory]
    [InlineData("Spends weekends at Joshua Tree.")]
    [InlineData("He camps in the Mojave every spring.")]
    [InlineData("Told me about her Death Valley trips.")]
    public void Desert_places_name_desert_camping(string notes) => Assert.Equal("desert camping", MainTopic(notes));

    [Theory]
    [InlineData("Has an Arsenal season ticket.", "football")]
    [InlineData("Follows the Premier League religiously.", "football")]
    [InlineData("He plays five-a-side on Thursdays.", "football")]
    [InlineData("Packers fan.", "american football")]
    [InlineData("Watches the NFL every Sunday.", "american football")]
    [InlineData("Throws a Super Bowl party every year.", "american football")]
    [InlineData("Huge football fan, never misses a Packers game.", "american football")]
    public void Clubs_and_leagues_tell_football_from_american_football(string notes, string topic) => Assert.Equal(topic, MainTopic(notes));

    [Theory]
    [InlineData("I mentioned my own running and she smiled.")]
    [InlineData("I told her I knit.")]
    [InlineData("I'm a huge Hitchcock fan, which I brought up.")]
    [InlineData("My hobby is pottery; he asked about it.")]
    public void The_candidates_own_hobbies_are_not_the_interviewers(string notes) => Assert.Empty(Extractor.Extract(notes));

    [Theory]
    [InlineData("We both love hiking.", "hiking")]
    [InlineData("Turns out we share a love of jazz.", "jazz")]
    public void A_shared_hobby_counts(string notes, string topic) => Assert.Equal(topic, MainTopic(notes));

    [Theory]
    [InlineData("She doesn't like football.")]
    [InlineData("Not a fan of golf, he said.")]
    [InlineData("He never watches baseball.")]
    [InlineData("She hates camping.")]
    public void Negated_interests_are_ignored(string notes) => Assert.Empty(Extractor.Extract(notes));

    [Theory]
    [InlineData("Asked about Spark, Kafka and Airflow; we discussed Go and Rust services.")]
    [InlineData("Python, Java, Swift, Ruby, R, Scala, SQL and Excel all came up.")]
    [InlineData("Pipelines are in Snowflake; two-week sprints, agile-ish.")]
    [InlineData("They build golf-course software.")]
    [InlineData("Their product is a chess engine for training apps.")]
    [InlineData("The company sells hiking gear online.")]
    [InlineData("We talked about running Spark jobs and baking tests into the pipeline.")]
    [InlineData("He asked about my work history and the system architecture.")]
    public void Job_talk_names_no_interest(string notes) => Assert.Empty(Extractor.Extract(notes));

    [Theory]
    [InlineData("Mentioned her daughter plays soccer.")]
    [InlineData("His wife is the golfer in the family.")]
    public void A_relatives_hobby_is_not_the_interviewers(string notes) => Assert.Empty(Extractor.Extract(notes));

    [Fact]
    public void A_hobby_shared_with_a_partner_is_still_the_interviewers() =>
        Assert.Equal("sailing", MainTopic("She and her husband go sailing every summer."));

    [Theory]
    [InlineData("She used to play tennis in college.")]
    [InlineData("He gave up golf years ago.")]
    public void Past_hobbies_are_not_current_interests(string notes) => Assert.Empty(Extractor.Extract(notes));

    [Theory]
    [InlineData("He walked me through the design; he loves clean architecture.")]
    [InlineData("He's been cooking up a new ranking model.")]
    [InlineData("The migration was smooth sailing after the price hike.")]
    [InlineData("I'd love to work on their golf app.")]
    public void Idioms_and_job_phrases_are_not_hobbies(string notes) => Assert.Empty(Extractor.Extract(notes));

    [Theory]
    [InlineData("Met Mr. Baker, the CTO.")]
    [InlineData("The office is on Golf Street.")]
    [InlineData("Pottery Barn is their biggest client.")]
    [InlineData("Interviewer was Jane Fisher.")]
    [InlineData("Apple is a customer.")]
    [InlineData("Dr. Cook asked the stats questions.")]
    public void Names_that_look_like_hobbies_are_ignored(string notes) => Assert.Empty(Extractor.Extract(notes));

    [Fact]
    public void An_explicit_passion_outranks_an_earlier_passing_mention()
    {
        var found = Extractor.Extract("She mentioned a telescope in her office. She is passionate about opera.");
        Assert.Equal(["opera", "astronomy"], found.Select(f => f.Topic));
    }

    [Fact]
    public void The_earlier_mention_wins_when_equally_explicit()
    {
        var found = Extractor.Extract("He loves sailing. He also loves chess.");
        Assert.Equal(["sailing", "chess"], found.Select(f => f.Topic));
    }

    [Fact]
    public void A_topic_is_reported_once_however_often_it_is_named()
    {
        var found = Extractor.Extract("Loves jazz. Saw Coltrane tribute last week. Jazz everywhere in her office; Blue Note posters.");
        Assert.Equal(["jazz"], found.Select(f => f.Topic));
    }

    [Fact]
    public void A_specific_interest_absorbs_the_broader_one()
    {
        var found = Extractor.Extract("She goes camping a lot, mostly desert camping in Utah.");
        Assert.Equal(["desert camping"], found.Select(f => f.Topic));
    }

    [Fact]
    public void Evidence_is_the_verbatim_words_with_their_cue()
    {
        const string notes = "Quiet guy. Loves  Jazz, apparently!";
        var match = Assert.Single(Extractor.Extract(notes));
        Assert.Equal("Loves  Jazz", match.Evidence);
        Assert.Contains(match.Evidence, notes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("—")]
    public void Empty_notes_name_nothing(string notes) => Assert.Empty(Extractor.Extract(notes));

    [Theory]
    [InlineData("Training for the Berlin Marathon, her third.", "running")]
    [InlineData("Trail running most weekends in the hills.", "running")]
    [InlineData("Goes fly fishing on the river every summer.", "fishing")]
    [InlineData("Trying to see every US national park before she turns 50.", "travel")]
    public void Sub_topics_are_named_by_their_broad_topic(string notes, string topic) => Assert.Equal(topic, MainTopic(notes));

    [Theory]
    [InlineData("She coaches her daughter's basketball team on weekends.", "basketball")]
    [InlineData("Raj coaches his son's cricket team.", "cricket")]
    public void Coaching_a_relatives_team_is_the_interviewers_own_pastime(string notes, string topic) => Assert.Equal(topic, MainTopic(notes));

    [Fact]
    public void Being_into_something_outweighs_job_talk_beside_it() =>
        Assert.Equal("video games", MainTopic("He's into video games and asked about our Python services."));

    [Theory]
    [InlineData("Passionate about Go. Not the language - the board game.")]
    [InlineData("Big fan of Go, not the language, the board game.")]
    [InlineData("Plays Go (not the programming language) most evenings.")]
    public void A_denial_of_the_other_sense_keeps_the_interest(string notes) => Assert.Equal("board games", MainTopic(notes));

    [Theory]
    [InlineData("Apple Pie Capital is the fund name, nothing to do with baking.")]
    [InlineData("The project is code-named Tempo, unrelated to running.")]
    [InlineData("She doesn't like hiking, camping or fishing.")]
    public void Explicit_denials_name_no_interest(string notes) => Assert.Empty(Extractor.Extract(notes));

    [Theory]
    [InlineData("She's the hiring manager for the Chess.com partnerships team; asked about B2B sales.")]
    [InlineData("Works on the Formula 1 account at a media agency.")]
    [InlineData("He is the PM for Lichess.org integrations.")]
    [InlineData("Sells ads for Lego Education.")]
    [InlineData("She has been on the NBA partnerships team for years.")]
    public void Companies_products_and_teams_bearing_a_hobbys_name_are_job_talk(string notes) => Assert.Empty(Extractor.Extract(notes));

    [Fact]
    public void A_site_played_on_every_night_is_still_an_interest() =>
        Assert.Equal("chess", MainTopic("Plays blitz on chess.com every night."));
}

public class InterestExtractorLanguageTests
{
    private static string? MainTopic(string notes) => InterestExtractor.Default.Extract(notes).FirstOrDefault()?.Topic;

    [Theory]
    [InlineData("Sie strickt abends Socken für die ganze Familie.", "knitting")]
    [InlineData("Il part en randonnée dans les Vosges chaque été.", "hiking")]
    [InlineData("Le encanta el fútbol, va al estadio cada domingo.", "football")]
    [InlineData("Ela faz caminhada na serra aos sábados.", "hiking")]
    [InlineData("Hij speelt elke week schaken in de bibliotheek.", "chess")]
    [InlineData("Appassionata di fotografia, scatta in pellicola.", "photography")]
    public void Topic_words_in_six_european_languages_name_the_topic(string notes, string topic) =>
        Assert.Equal(topic, MainTopic(notes));

    [Theory]
    [InlineData("Ich habe ihr erzählt, dass ich stricke.")]
    [InlineData("Je lui ai parlé de mon vélo.")]
    [InlineData("Sie backt nicht gern und kocht nie.")]
    [InlineData("Hij fietst niet.")]
    [InlineData("Mi hermano juega al fútbol, yo no.")]
    public void Own_pastimes_and_denials_in_other_languages_are_no_interest(string notes) => Assert.Null(MainTopic(notes));

    [Theory]
    [InlineData("Big Yankees fan? no - it was golf, he plays every Sunday.", "golf")]
    [InlineData("Mentioned tennis? No, wait, it was squash... no: sailing, crews a yacht most summers.", "sailing")]
    [InlineData("Sie backt nicht, sondern kocht jeden Abend.", "cooking")]
    [InlineData("Not golf, actually tennis - plays at the club every Saturday.", "tennis")]
    public void A_guess_the_note_takes_back_gives_way_to_the_corrected_topic(string notes, string topic) =>
        Assert.Equal(topic, MainTopic(notes));

    [Theory]
    [InlineData("Their billing rewrite is codenamed Chess.")]
    [InlineData("She leads Project Tango on the payments side.")]
    [InlineData("The office has a running club but she doesn't go.")]
    [InlineData("She asked about my photography hobby, so I showed her my Nikon camera.")]
    [InlineData("Do you play golf? No? Fine. Then an hour on Kafka.")]
    public void Code_names_unattended_clubs_own_hobbies_and_asked_questions_are_no_interest(string notes) =>
        Assert.Null(MainTopic(notes));

    [Fact]
    public void A_club_mention_followed_by_an_unrelated_but_stays_found() =>
        Assert.Equal("running", MainTopic("She runs with the running club but not on Mondays."));

    [Fact]
    public void Collecting_records_of_a_genre_is_collecting_records() =>
        Assert.Equal("vinyl records", MainTopic("Her shelves are full of vinyl; she collects old jazz records and Blue Note pressings."));
}
