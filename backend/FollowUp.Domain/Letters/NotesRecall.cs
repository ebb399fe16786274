using System.Text;
using FollowUp.Domain.Interviewers;

namespace FollowUp.Domain.Letters;

internal enum RecallKind { None, Detail, Talk }

/// <summary>A detail of the notes retold to the interviewer: "you knit on weekends" or "our conversation about Japan".</summary>
internal readonly record struct Recall(RecallKind Kind, string Text)
{
    public static readonly Recall None = new(RecallKind.None, "");
}

/// <summary>Retells one short clause of the user's notes in the second person, or gives up when that is not safe.</summary>
internal sealed class NotesRecall
{
    private const int MaxNotesScanned = 20_000;
    private const int MaxWords = 16;
    private const int MaxChars = 120;

    private readonly Dictionary<string, string> _verbs;
    private readonly HashSet<string> _adverbs;
    private readonly HashSet<string> _plainVerbs;
    private readonly string[][] _talkOpeners;
    private readonly HashSet<string> _unsafe;

    private static readonly HashSet<string> ObjectFollowers = new(StringComparer.Ordinal)
        { "to", "with", "at", "for", "about", "in", "on", "from", "and", "or", "that", "a", "an", "the", "if", "how" };
    private static readonly HashSet<string> NotATopic = new(StringComparer.Ordinal)
        { "for", "to", "with", "at", "in", "on", "over", "through", "until", "during", "after", "before", "briefly", "mostly",
          "a", "an", "lots", "again", "too", "and", "or", "but", "so", "then", "while", "only", "quite", "very", "shop", "more", "less", "about" };
    private static readonly HashSet<string> LowerFirst = new(StringComparer.Ordinal)
        { "the", "a", "an", "some", "this", "that", "how", "why", "what", "when", "where", "living", "working", "growing" };

    public NotesRecall(SecondPersonRules rules)
    {
        _verbs = new Dictionary<string, string>(rules.Verbs, StringComparer.Ordinal);
        _adverbs = new HashSet<string>(rules.Adverbs, StringComparer.Ordinal);
        _plainVerbs = new HashSet<string>(rules.PlainVerbs, StringComparer.Ordinal);
        _talkOpeners = Array.ConvertAll(rules.TalkOpeners, o => o.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        _unsafe = new HashSet<string>(rules.UnsafeWords, StringComparer.Ordinal);
    }

    /// <summary>The clause around the interest's evidence, or (without evidence) the first "we talked about X" clause.</summary>
    public Recall Find(string? notes, string? evidence, Interviewer who)
    {
        notes ??= "";
        if (notes.Length > MaxNotesScanned) notes = notes[..MaxNotesScanned];
        if (!string.IsNullOrWhiteSpace(evidence))
        {
            evidence = evidence.Trim();
            if (evidence.Length > MaxChars * 2) return Recall.None;
            var at = notes.IndexOf(evidence, StringComparison.OrdinalIgnoreCase);
            var clause = at < 0 ? evidence : ClauseAround(notes, at, evidence.Length);
            return Rephrase(clause, who);
        }
        // Without an interest, only an explicit "we talked about X" is safe to recall.
        var start = 0;
        while (start < notes.Length)
        {
            var end = start;
            while (end < notes.Length && !IsClauseBreak(notes[end])) end++;
            if (end - start > 3)
            {
                var r = Rephrase(notes[start..end], who);
                if (r.Kind == RecallKind.Talk) return r;
            }
            start = end + 1;
        }
        return Recall.None;
    }

    private static bool IsClauseBreak(char c) => c is '.' or '!' or '?' or ';' or '\n' or '\r' or '•' or ':' or ',' or '(' or ')' or '"';

    private static string ClauseAround(string notes, int at, int length)
    {
        var start = at;
        while (start > 0 && !IsClauseBreak(notes[start - 1])) start--;
        var end = at + length;
        while (end < notes.Length && !IsClauseBreak(notes[end])) end++;
        return notes[start..end];
    }

    public Recall Rephrase(string clause, Interviewer who)
    {
        var words = Tokenize(clause);
        if (words is null || words.Count < 2 || words.Count > MaxWords) return Recall.None;
        var lower = new string[words.Count];
        for (var i = 0; i < words.Count; i++) lower[i] = words[i].ToLowerInvariant();

        foreach (var opener in _talkOpeners)
        {
            if (!StartsWith(lower, opener)) continue;
            // "we talked for an hour" names no topic.
            if (words.Count == opener.Length || NotATopic.Contains(lower[opener.Length])) return Recall.None;
            var topic = Retell(words, lower, opener.Length, conjugate: false);
            return topic is null ? Recall.None : Finish(RecallKind.Talk, "our conversation about " + topic);
        }

        var first = lower[0];
        var firstName = (who.FirstName ?? "").Trim().ToLowerInvariant();
        string? retold;
        if (first is "she" or "he" || (firstName.Length > 1 && first == firstName))
            retold = Subject("you", words, lower, 1, conjugate: true);
        else if (first is "she's" or "he's" || (firstName.Length > 1 && first == firstName + "'s" && IsVerbAt(lower, 1)))
            retold = ContractedIs(words, lower);
        else if (first == "they")
            retold = Subject("you", words, lower, 1, conjugate: false);
        else if (first is "they're" or "they've")
            retold = Subject(first == "they're" ? "you're" : "you've", words, lower, 1, conjugate: false);
        else if (first is "her" or "his" or "their" || (firstName.Length > 1 && first == firstName + "'s"))
            retold = Subject("your", words, lower, 1, conjugate: false);
        else if (IsVerbAt(lower, 0))
            retold = Subject("you", words, lower, 0, conjugate: true);
        else
            return Recall.None;
        return retold is null ? Recall.None : Finish(RecallKind.Detail, retold);
    }

    private bool IsVerbAt(string[] lower, int i)
    {
        while (i < lower.Length && _adverbs.Contains(lower[i])) i++;
        return i < lower.Length && (_verbs.ContainsKey(lower[i]) || _plainVerbs.Contains(lower[i]));
    }

    private string? ContractedIs(List<string> words, string[] lower)
    {
        // "she's been" -> "you've been"; "she's a potter" -> "you're a potter".
        var next = lower.Length > 1 ? lower[1] : "";
        var subject = next is "been" or "got" ? "you've" : "you're";
        return Subject(subject, words, lower, 1, conjugate: false);
    }

    private string? Subject(string subject, List<string> words, string[] lower, int from, bool conjugate)
    {
        var rest = Retell(words, lower, from, conjugate);
        if (rest is null) return null;
        return rest.Length == 0 ? null : subject + " " + rest;
    }

    /// <summary>Retells words[from..] with you/your; null when a word makes the clause unsafe.</summary>
    private string? Retell(List<string> words, string[] lower, int from, bool conjugate)
    {
        var sb = new StringBuilder(MaxChars);
        var expectVerb = conjugate;
        var lastVerb = -1;
        for (var i = from; i < words.Count; i++)
        {
            var w = lower[i];
            string output;
            if (_unsafe.Contains(w) || w is "she" or "he" or "they" or "him" or "them") return null;
            if (expectVerb && _adverbs.Contains(w)) output = w;
            else if (expectVerb)
            {
                if (_verbs.TryGetValue(w, out var baseForm)) output = baseForm;
                else if (_plainVerbs.Contains(w) || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))) output = w;
                // "bakes and sells": a second verb right after the first, in its -s form.
                else if (lastVerb == i - 2 && BaseForm(w) is { } guessed) output = guessed;
                else return null;
                expectVerb = false;
                lastVerb = i;
            }
            else if (w is "her")
            {
                // "her" as an object ("met her at...") cannot become "your".
                if (i + 1 >= words.Count || ObjectFollowers.Contains(lower[i + 1])) return null;
                output = "your";
            }
            else if (w is "his" or "their") output = "your";
            else if (w is "hers" or "theirs") output = "yours";
            else if (w is "herself" or "himself" or "themselves" or "themself") output = "yourself";
            else if (w is "she's" or "he's" or "they're" or "they've" or "she'd" or "he'd") return null;
            else
            {
                output = i == from && LowerFirst.Contains(w) ? w : words[i];
                if (conjugate && w is "and" or "or" && i + 1 < words.Count &&
                    (_verbs.ContainsKey(lower[i + 1]) || (lastVerb == i - 1 && lower[i + 1].EndsWith('s')))) expectVerb = true;
            }
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(output);
        }
        return expectVerb ? null : sb.ToString();
    }

    /// <summary>The plain form of a third-person verb by spelling: studies→study, watches→watch, sells→sell.</summary>
    private static string? BaseForm(string w)
    {
        if (w.Length < 4 || !w.EndsWith('s') || w.EndsWith("ss", StringComparison.Ordinal)) return null;
        if (w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        foreach (var ending in (ReadOnlySpan<string>)["ches", "shes", "sses", "xes", "zes", "oes"])
            if (w.EndsWith(ending, StringComparison.Ordinal)) return w[..^2];
        return w[..^1];
    }

    private static Recall Finish(RecallKind kind, string text) =>
        text.Length is 0 or > MaxChars ? Recall.None : new Recall(kind, text);

    private static bool StartsWith(string[] lower, string[] prefix)
    {
        if (lower.Length < prefix.Length) return false;
        for (var i = 0; i < prefix.Length; i++)
            if (lower[i] != prefix[i]) return false;
        return true;
    }

    /// <summary>Words of a clause; null when it holds characters a letter should not repeat (links, symbols, many digits).</summary>
    private static List<string>? Tokenize(string clause)
    {
        var words = new List<string>(8);
        var sb = new StringBuilder(24);
        var digits = 0;
        foreach (var raw in clause)
        {
            var c = raw is '\u2019' or '\u2018' ? '\'' : raw;
            if (char.IsLetter(c) || c is '\'' or '-' or '&') sb.Append(c);
            else if (char.IsDigit(c)) { if (++digits > 4) return null; sb.Append(c); }
            else if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
            }
            else return null;
            if (words.Count > MaxWords) return null;
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        // Bullets and dashes at the ends are list marks, not words.
        words.RemoveAll(w => w.Trim('-', '\'', '&').Length == 0);
        return words;
    }
}
