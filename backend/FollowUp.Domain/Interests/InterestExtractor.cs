namespace FollowUp.Domain.Interests;

/// <summary>
/// Finds an interviewer's personal interests in the user's free-text notes about that one interviewer,
/// each with the verbatim words that show it. The vocabulary lives in interests.json.
/// </summary>
public sealed class InterestExtractor
{
    private const int NegationReach = 6, CueReach = 3, CoachReach = 3, TeamReach = 4, BlockedTopic = -1;
    private const double NamedWeight = 3, WeakWeight = 1, PassionBonus = 3, HabitBonus = 2, PossessiveBonus = 1;

    private static readonly Lazy<InterestExtractor> Embedded = new(() => new InterestExtractor(InterestVocabulary.Embedded()));

    private readonly InterestEntry[] _interests;
    private readonly Dictionary<string, int> _topicIndex;
    private readonly int[][] _broader;
    private readonly TermNode _root = new();
    private readonly HashSet<string> _passion, _habit, _negations, _negationExceptions, _self, _other, _family, _place, _shared, _job, _honorifics, _clauseBreaks,
        _coaching, _teamWords, _domainEndings, _companyWords, _intoLeads, _trailingNegations, _nameLeads, _corrections, _mediumWords, _contrast, _attendance;
    private readonly HashSet<(string, string)> _negationPairs;
    private static readonly HashSet<string> Possessives = ["his", "her", "their"];
    private static readonly HashSet<string> Determiners = ["the", "a", "an", "that", "this"];

    /// <summary>The extractor built from the embedded interests.json.</summary>
    public static InterestExtractor Default => Embedded.Value;

    internal InterestExtractor(InterestVocabulary vocabulary)
    {
        static HashSet<string> Set(IEnumerable<string> words) => new(words.Select(w => w.ToLowerInvariant()), StringComparer.Ordinal);
        _passion = Set(vocabulary.PassionCues);
        _habit = Set(vocabulary.HabitCues);
        _negations = Set(vocabulary.Negations.Where(n => !n.Contains(' ')));
        // Two-word negations ("used to", "gave up") are read as pairs so "used" alone stays harmless.
        _negationPairs = vocabulary.Negations.Where(n => n.Contains(' '))
            .Select(n => n.ToLowerInvariant().Split(' ', 2)).Select(p => (p[0], p[1])).ToHashSet();
        _negationExceptions = Set(vocabulary.NegationExceptions);
        _self = Set(vocabulary.SelfMarkers);
        _other = Set(vocabulary.OtherMarkers);
        _family = Set(vocabulary.FamilyMarkers);
        _place = Set(vocabulary.PlaceWords);
        _shared = Set(vocabulary.SharedMarkers);
        _job = Set(vocabulary.JobWords);
        _honorifics = Set(vocabulary.Honorifics);
        _clauseBreaks = Set(vocabulary.ClauseBreakWords);
        _coaching = Set(vocabulary.CoachingVerbs);
        _teamWords = Set(vocabulary.TeamWords);
        _domainEndings = Set(vocabulary.DomainEndings);
        _companyWords = Set(vocabulary.CompanyWords);
        _intoLeads = Set(vocabulary.IntoLeads);
        _trailingNegations = Set(vocabulary.TrailingNegations);
        _nameLeads = Set(vocabulary.NameLeads);
        _corrections = Set(vocabulary.Corrections);
        _mediumWords = Set(vocabulary.MediumWords);
        _contrast = Set(vocabulary.ContrastWords);
        _attendance = Set(vocabulary.AttendanceVerbs);

        _interests = vocabulary.Interests;
        _topicIndex = _interests.Select((e, i) => (e.Topic, i)).ToDictionary(p => p.Topic, p => p.i, StringComparer.OrdinalIgnoreCase);
        _broader = _interests.Select(e => (e.Broader ?? []).Where(_topicIndex.ContainsKey).Select(b => _topicIndex[b]).ToArray()).ToArray();
        Topics = _interests.Select(e => e.Topic).ToArray();

        for (int topic = 0; topic < _interests.Length; topic++)
        {
            foreach (var term in _interests[topic].Terms) AddTerm(term, topic, weak: false);
            foreach (var term in _interests[topic].Weak ?? []) AddTerm(term, topic, weak: true);
        }
        // Idioms and job phrases ("clean architecture", "cooking up") claim their words before any interest can.
        foreach (var phrase in vocabulary.NotInterests) AddTerm(phrase, BlockedTopic, weak: false);
    }

    /// <summary>Every canonical topic, lower case, as in interests.json.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>How a letter names the topic to the interviewer ("your knitting"); "your interest in X" for an unknown topic.</summary>
    public string PhraseFor(string topic) =>
        _topicIndex.TryGetValue(topic, out var index) ? _interests[index].Phrase : $"your interest in {topic}";

    /// <summary>The interviewer's interests named in the notes, main interest first, one match per topic.</summary>
    public IReadOnlyList<InterestMatch> Extract(string notes)
    {
        if (string.IsNullOrWhiteSpace(notes)) return [];
        var tokens = NoteTokens.Split(notes, _honorifics, _clauseBreaks);
        var clauses = DescribeClauses(tokens);
        var found = new Dictionary<int, Finding>();

        for (int i = 0; i < tokens.Count;)
        {
            var (term, end) = LongestTermAt(tokens, i);
            if (term is null) { i++; continue; }
            // "Blue Note pressings", "jazz records": what is collected is the records; the music only describes them.
            if (term.Topic != BlockedTopic && end + 1 < tokens.Count && tokens[end + 1].Phrase == tokens[end].Phrase
                && _mediumWords.Contains(tokens[end + 1].Norm)
                && LongestTermAt(tokens, end + 1).Term is { } head && head.Topic != BlockedTopic && head.Topic != term.Topic)
            {
                i = end + 1;
                continue;
            }
            double? score = term.Topic == BlockedTopic || clauses[tokens[i].Clause].Denied ? null
                : Judge(notes, tokens, clauses[tokens[i].Clause], term, i, end);
            if (score is { } value)
            {
                var evidence = EvidenceSpan(notes, tokens, i, end);
                if (!found.TryGetValue(term.Topic, out var finding))
                    found[term.Topic] = new Finding(value, i, evidence, 1);
                else
                    found[term.Topic] = finding with
                    {
                        Score = Math.Max(finding.Score, value),
                        Evidence = value > finding.Score ? evidence : finding.Evidence,
                        Mentions = finding.Mentions + 1,
                    };
            }
            i = end + 1;
        }

        // A specific interest ("fly fishing") absorbs the broader one it implies ("fishing").
        foreach (var topic in found.Keys.ToArray())
            foreach (var broader in _broader[topic])
                if (found.Remove(broader, out var general) && found.TryGetValue(topic, out var specific))
                    found[topic] = specific with
                    {
                        Score = Math.Max(specific.Score, general.Score),
                        FirstToken = Math.Min(specific.FirstToken, general.FirstToken),
                    };

        return found
            .OrderByDescending(f => f.Value.Score + Math.Min(1, 0.5 * (f.Value.Mentions - 1)))
            .ThenBy(f => f.Value.FirstToken)
            .Select(f => new InterestMatch(_interests[f.Key].Topic, f.Value.Evidence))
            .ToArray();
    }

    private sealed record Finding(double Score, int FirstToken, string Evidence, int Mentions);

    private sealed class ClauseFacts(int first)
    {
        public int First { get; } = first;
        public bool Passion, Habit, Shared, Denied;
        public int JobWords;
    }

    private sealed class TermNode
    {
        public Dictionary<string, TermNode>? Next;
        public List<Term>? Ends;
    }

    // Capitals: for names, which words must be written with a capital in the notes ("Packers", not "packers" the verb).
    private sealed record Term(int Topic, bool Weak, bool Named, bool[] Capitals);

    private void AddTerm(string text, int topic, bool weak)
    {
        var words = NoteTokens.Split(text, _honorifics, new HashSet<string>());
        if (words.Count == 0) return;
        bool named = text.Any(char.IsUpper);
        var term = new Term(topic, weak, named, words.Select(w => w.Capitalized).ToArray());
        var last = named ? [words[^1].Norm, words[^1].Norm + "s"] : WordForms(words[^1].Norm);
        foreach (var form in last)
        {
            var node = _root;
            foreach (var word in words.Take(words.Count - 1).Select(w => w.Norm).Append(form))
            {
                node.Next ??= new Dictionary<string, TermNode>(StringComparer.Ordinal);
                if (!node.Next.TryGetValue(word, out var child)) node.Next[word] = child = new TermNode();
                node = child;
            }
            node.Ends ??= [];
            if (!node.Ends.Any(t => t.Topic == topic)) node.Ends.Add(term);
        }
    }

    /// <summary>Plural, -ing, -ed and -er forms of a word, generous on purpose: an unused form costs nothing.</summary>
    internal static IEnumerable<string> WordForms(string word)
    {
        var forms = new HashSet<string> { word, word + "s", word + "es" };
        if (word.Length < 3) return forms;
        var stems = new List<string> { word };
        char last = word[^1];
        if (last == 'e' && word[^2] != 'e') stems.Add(word[..^1]);
        if (last == 'y' && !IsVowel(word[^2])) { forms.Add(word[..^1] + "ies"); forms.Add(word[..^1] + "ied"); }
        if (!IsVowel(last) && last is not ('w' or 'x' or 'y') && IsVowel(word[^2])) stems.Add(word + last);
        foreach (var stem in stems)
            foreach (var ending in (string[])["ing", "ed", "er", "ers"])
                forms.Add(stem + ending);
        return forms;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private (Term? Term, int End) LongestTermAt(List<NoteToken> tokens, int start)
    {
        var node = _root;
        (Term? Term, int End) best = (null, start);
        for (int j = start; j < tokens.Count && tokens[j].Clause == tokens[start].Clause; j++)
        {
            if (node.Next is null || !node.Next.TryGetValue(tokens[j].Norm, out node)) break;
            if (node.Ends is null) continue;
            foreach (var term in node.Ends)
                if (!term.Named || CapitalsMatch(tokens, start, term))
                {
                    best = (term, j);
                    break;
                }
        }
        return best;
    }

    private static bool CapitalsMatch(List<NoteToken> tokens, int start, Term term)
    {
        for (int k = 0; k < term.Capitals.Length; k++)
            if (term.Capitals[k] && !tokens[start + k].Capitalized) return false;
        return true;
    }

    private ClauseFacts[] DescribeClauses(List<NoteToken> tokens)
    {
        int count = tokens.Count == 0 ? 0 : tokens[^1].Clause + 1;
        var facts = new ClauseFacts[count];
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var f = facts[t.Clause] ??= new ClauseFacts(i);
            f.Passion |= _passion.Contains(t.Norm);
            f.Habit |= _habit.Contains(t.Norm);
            f.Shared |= _shared.Contains(t.Norm);
            // "not the programming language, the board game": a denied job word is no job talk.
            if (_job.Contains(t.Norm) && !NegatedJustBefore(tokens, f.First, i)) f.JobWords++;
        }
        // "Monzo's running club exists but he doesn't go": not taking part, said after "but", takes back a mention nobody enjoys.
        for (int c = 0; c + 1 < count; c++)
            facts[c].Denied = !facts[c].Passion && !facts[c].Habit && DeniesBefore(tokens, facts[c + 1].First);
        return facts;
    }

    private bool DeniesBefore(List<NoteToken> tokens, int first)
    {
        if (!_clauseBreaks.Contains(tokens[first].Norm)) return false;
        bool denial = false, attends = false;
        for (int k = first; k < tokens.Count && tokens[k].Clause == tokens[first].Clause; k++)
        {
            if (LongestTermAt(tokens, k).Term is { Topic: not BlockedTopic }) return false;
            if (k - first < 5 && _negations.Contains(tokens[k].Norm)) denial = true;
            attends |= _attendance.Contains(tokens[k].Norm);
        }
        return denial && attends;
    }

    private bool NegatedJustBefore(List<NoteToken> tokens, int clauseFirst, int index)
    {
        for (int k = Math.Max(clauseFirst, index - 3); k < index; k++)
            if (_negations.Contains(tokens[k].Norm)) return true;
        return false;
    }

    /// <summary>The mention's score, or null when it is not the interviewer's interest.</summary>
    private double? Judge(string notes, List<NoteToken> tokens, ClauseFacts clause, Term term, int start, int end)
    {
        if (!term.Named && LooksLikeProperName(tokens, start, end)) return null;
        if (BelongsToSomeoneElse(tokens, clause, start)) return null;
        if (IsNegated(notes, tokens, clause, start) || NegatedAfter(tokens, end) || IsNamedSo(tokens, start) || IsWithdrawn(notes, tokens, end)) return null;
        if (NamesAnOrganisation(notes, tokens, term, start, end)) return null;

        int jobWordsInTerm = 0;
        for (int k = start; k <= end; k++) if (_job.Contains(tokens[k].Norm)) jobWordsInTerm++;
        if (clause.JobWords > jobWordsInTerm && !PassionNear(tokens, start, end)) return null;

        bool possessive = start > clause.First && Possessives.Contains(tokens[start - 1].Norm);
        if (term.Weak && !clause.Passion && !clause.Habit && !possessive) return null;

        return (term.Weak ? WeakWeight : NamedWeight)
               + (clause.Passion ? PassionBonus : clause.Habit ? HabitBonus : 0)
               + (possessive ? PossessiveBonus : 0);
    }

    // "Mr. Baker", "Jane Fisher", "Golf Street", "Pottery Barn": a common word inside a capitalised name.
    private bool LooksLikeProperName(List<NoteToken> tokens, int start, int end)
    {
        var first = tokens[start];
        if (start > 0 && tokens[start - 1].Clause == first.Clause && _honorifics.Contains(tokens[start - 1].Norm)) return true;
        if (!first.Capitalized || first.Initial) return false;
        if (start > 0 && tokens[start - 1].Clause == first.Clause && tokens[start - 1].Capitalized && !IsOrdinaryWord(tokens[start - 1].Norm)) return true;
        if (end + 1 < tokens.Count)
        {
            var next = tokens[end + 1];
            if (next.Clause == first.Clause && next.Capitalized && !next.Initial && !IsOrdinaryWord(next.Norm)) return true;
        }
        return false;
    }

    // "the Chess.com partnerships team", "Lego Education", "works on the Formula 1 account": a company, product or team
    // bearing the name, unless the clause also says the person enjoys it ("plays on chess.com every night").
    private bool NamesAnOrganisation(string notes, List<NoteToken> tokens, Term term, int start, int end)
    {
        bool domain = false;
        for (int k = start; k <= Math.Min(end + 1, tokens.Count - 1) && !domain; k++)
            domain = k > start && _domainEndings.Contains(tokens[k].Norm)
                     && tokens[k].Start == tokens[k - 1].End + 1 && notes[tokens[k - 1].End] == '.';
        bool written = domain || term.Named || (tokens[start].Capitalized && !tokens[start].Initial);
        if (!written) return false;
        bool enjoys = CueNear(tokens, start, end);
        if (domain && !enjoys) return true;
        int after = end + (domain && end + 1 < tokens.Count && _domainEndings.Contains(tokens[end + 1].Norm) ? 2 : 1);
        if (after < tokens.Count && tokens[after].Clause == tokens[start].Clause && tokens[after].Capitalized
            && _companyWords.Contains(tokens[after].Norm)) return true;
        if (enjoys) return false;
        for (int k = after; k < Math.Min(tokens.Count, after + TeamReach); k++)
        {
            if (tokens[k].Clause != tokens[start].Clause) break;
            if (_teamWords.Contains(tokens[k].Norm)) return true;
        }
        return false;
    }

    private bool CueNear(List<NoteToken> tokens, int start, int end)
    {
        for (int k = Math.Max(0, start - CueReach); k <= Math.Min(tokens.Count - 1, end + CueReach); k++)
            if (tokens[k].Clause == tokens[start].Clause && (_passion.Contains(tokens[k].Norm) || _habit.Contains(tokens[k].Norm))) return true;
        return false;
    }

    // A capitalised cue or pronoun ("Loves Jazz", "I") starts a sentence, not a name.
    private bool IsOrdinaryWord(string norm) =>
        _passion.Contains(norm) || _habit.Contains(norm) || _self.Contains(norm) || _other.Contains(norm) || _negations.Contains(norm);

    // "Packers fan" beside the word outweighs job talk in the clause; "I'd love to work on their golf app" does not.
    private bool PassionNear(List<NoteToken> tokens, int start, int end)
    {
        // "he's into video games", "really into chess": being into something is a passion, whatever else the clause says.
        for (int k = Math.Max(1, start - 2); k < start; k++)
            if (tokens[k].Norm == "into" && tokens[k - 1].Clause == tokens[start].Clause && _intoLeads.Contains(tokens[k - 1].Norm)) return true;
        for (int k = Math.Max(0, start - CueReach); k <= Math.Min(tokens.Count - 1, end + CueReach); k++)
            if (tokens[k].Clause == tokens[start].Clause && _passion.Contains(tokens[k].Norm)) return true;
        return false;
    }

    // The nearest person named before the mention owns it: "I told her I knit" is the candidate's, "her daughter plays
    // soccer" the daughter's, "we both" is shared, "she and her husband" includes her.
    private bool BelongsToSomeoneElse(List<NoteToken> tokens, ClauseFacts clause, int start)
    {
        for (int k = start - 1; k >= clause.First; k--)
        {
            var t = tokens[k];
            if (_self.Contains(t.Norm)) return !clause.Shared;
            // "She coaches her daughter's team": coaching a relative's team is her own pastime.
            if (_family.Contains(t.Norm))
                return !(k - 2 >= clause.First && tokens[k - 2].Norm is "and" or "with") && !CoachesBefore(tokens, clause.First, k);
            if (_other.Contains(t.Norm)) return false;
            // A capitalised word is a person ("I think Pat loves golf") unless it follows "the", "in"... ("the Chicago marathon").
            // "my Fuji camera": a capitalised word after a possessive is a brand, not a person.
            if (t.Capitalized && !t.Initial && !(k > clause.First && (_place.Contains(tokens[k - 1].Norm) || _self.Contains(tokens[k - 1].Norm)
                || Possessives.Contains(tokens[k - 1].Norm)))) return false;
        }
        return false;
    }

    private static int PhraseStart(List<NoteToken> tokens, int index)
    {
        while (index > 0 && tokens[index - 1].Phrase == tokens[index].Phrase) index--;
        return index;
    }

    private bool CoachesBefore(List<NoteToken> tokens, int clauseFirst, int family)
    {
        for (int k = Math.Max(clauseFirst, family - CoachReach); k < family; k++)
            if (_coaching.Contains(tokens[k].Norm)) return true;
        return false;
    }

    // A denial reaches its clause, but not across a dash or bracket ("Go. Not the language - the board game"), nor past
    // a comma when it contrasts another thing ("not the language, the board game").
    private bool IsNegated(string notes, List<NoteToken> tokens, ClauseFacts clause, int start)
    {
        for (int k = Math.Max(clause.First, start - NegationReach); k < start; k++)
        {
            if (tokens[k].Aside != tokens[start].Aside) continue;
            if (tokens[k].Phrase != tokens[start].Phrase && k + 1 < start && Determiners.Contains(tokens[k + 1].Norm)
                && Determiners.Contains(tokens[PhraseStart(tokens, start)].Norm)) continue;
            if (_negations.Contains(tokens[k].Norm) && !_negationExceptions.Contains(tokens[k + 1].Norm) && !IsRetraction(notes, tokens, k)
                && !ContrastBetween(tokens, k, start)) return true;
            if (_negationPairs.Contains((tokens[k].Norm, tokens[k + 1].Norm))) return true;
        }
        return false;
    }

    // "Not golf, actually tennis": the denial ends where the note turns to what is true.
    private bool ContrastBetween(List<NoteToken> tokens, int from, int to)
    {
        for (int k = from + 1; k < to; k++)
            if (_contrast.Contains(tokens[k].Norm)) return true;
        return false;
    }

    // "Sie backt nicht", "hij fietst niet", "il ne tricote pas": these languages deny after the verb.
    private bool NegatedAfter(List<NoteToken> tokens, int end) =>
        end + 1 < tokens.Count && tokens[end + 1].Phrase == tokens[end].Phrase && _trailingNegations.Contains(tokens[end + 1].Norm);

    // "the project is codenamed 'Jazz'", "Project Tango": a name given to something, not a pastime.
    private bool IsNamedSo(List<NoteToken> tokens, int start)
    {
        for (int k = Math.Max(0, start - 2); k < start; k++)
            if (tokens[k].Clause == tokens[start].Clause && _nameLeads.Contains(tokens[k].Norm)) return true;
        return false;
    }

    // "Huge Real Madrid fan? no - he's into surfing", "golf, no, tennis": a guess the note takes back at once.
    private bool IsWithdrawn(string notes, List<NoteToken> tokens, int end)
    {
        int next = end + 1;
        while (next < tokens.Count && tokens[next].Phrase == tokens[end].Phrase) next++;
        return next < tokens.Count && IsRetraction(notes, tokens, next);
    }

    // "? no", "no -", "no wait,": a "no" that takes back what came before rather than denying what follows.
    private bool IsRetraction(string notes, List<NoteToken> tokens, int k)
    {
        if (!_corrections.Contains(tokens[k].Norm) || (k > 0 && tokens[k - 1].Phrase == tokens[k].Phrase)) return false;
        if (k > 0 && notes.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End).Contains('?')) return true;
        if (k + 1 < tokens.Count && tokens[k + 1].Norm is "wait" or "actually" or "sorry") return true;
        int after = tokens[k].End;
        return after < notes.Length && notes[after] is ',' or '-' or '–' or '—' or '.' or '!' or ';'
               || (after + 1 < notes.Length && notes[after] == ' ' && notes[after + 1] is '-' or '–' or '—');
    }

    // The mention with the cue that tells it ("loves jazz", "Packers fan"), verbatim.
    private string EvidenceSpan(string notes, List<NoteToken> tokens, int start, int end)
    {
        bool IsCue(int k) => k >= 0 && k < tokens.Count && tokens[k].Clause == tokens[start].Clause
                             && (_passion.Contains(tokens[k].Norm) || _habit.Contains(tokens[k].Norm));
        int from = IsCue(start - 1) ? start - 1 : start;
        int to = IsCue(end + 1) && _passion.Contains(tokens[end + 1].Norm) ? end + 1 : end;
        return notes[tokens[from].Start..tokens[to].End];
    }
}
