using System.Text.RegularExpressions;

namespace FollowUp.Domain.Detection;

/// <summary>
/// Reads the greeting a folded body opens with ("hi sofia, thanks for..."): when it is a known greeting, the name after it.
/// The reading is the <see cref="Pattern"/>'s; plain ASCII openings are read by hand as the pattern reads them, without a
/// match object or a copy of the text, and any other opening goes through the pattern itself.
/// </summary>
internal sealed class OpeningGreeting
{
    /// <summary>How much of the body the greeting is looked for in.</summary>
    public const int Window = 200;
    private const int MaxGreetingLength = 20;

    internal static readonly Regex Pattern = new(@"^\W*(?<greeting>[\p{L}' ]{2,20}?)[ ,]+(?<name>\p{L}+)", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _greetings;
    private readonly bool _startWithLetter;
    private readonly string[][] _byFirstLetter;

    public OpeningGreeting(IEnumerable<string> foldedGreetings)
    {
        var greetings = new HashSet<string>(foldedGreetings, StringComparer.Ordinal);
        _greetings = greetings.GetAlternateLookup<ReadOnlySpan<char>>();
        _startWithLetter = greetings.All(g => g.Length > 0 && char.IsLetter(g[0]) && g[0] < 128);
        _byFirstLetter = Enumerable.Range(0, 128).Select(c => greetings.Where(g => g.Length > 0 && g[0] == c).ToArray()).ToArray();
    }

    /// <summary>True when the body opens with a known greeting followed by a name, given in <paramref name="name"/>.</summary>
    public bool TryRead(ReadOnlySpan<char> foldedBody, out ReadOnlySpan<char> name)
    {
        name = default;
        var window = foldedBody[..Math.Min(foldedBody.Length, Window)];
        if (window.IsEmpty || !MayOpenWithGreeting(window)) return false;
        ReadOnlySpan<char> greeting;
        switch (ReadAscii(window, out var greetingRange, out var nameRange))
        {
            case Reading.Found:
                greeting = window[greetingRange];
                name = window[nameRange];
                break;
            case Reading.None:
                return false;
            default:
                if (Pattern.Match(window.ToString()) is not { Success: true } match) return false;
                greeting = match.Groups["greeting"].ValueSpan;
                name = match.Groups["name"].ValueSpan;
                break;
        }
        return _greetings.Contains(greeting.Trim());
    }

    /// <summary>
    /// False when the body cannot open with a known greeting. One the pattern accepts starts at the body's first letter, so the
    /// pattern is only worth running when a known greeting starts there.
    /// </summary>
    private bool MayOpenWithGreeting(ReadOnlySpan<char> window)
    {
        if (!_startWithLetter) return true;
        var first = 0;
        while (first < window.Length && !char.IsLetter(window[first])) first++;
        if (first == window.Length || window[first] >= 128) return false;
        var opening = window[first..];
        foreach (var greeting in _byFirstLetter[window[first]])
            if (opening.StartsWith(greeting, StringComparison.Ordinal)) return true;
        return false;
    }

    internal enum Reading { None, Found, NotAscii }

    /// <summary>
    /// The pattern's match, worked out as its backtracking finds it: the longest run of non-word characters is given back one at
    /// a time, and at each start the shortest greeting is tried first. Gives up (NotAscii) on meeting a character past ASCII,
    /// where what counts as a letter or a word character is the pattern's to say.
    /// </summary>
    internal static Reading ReadAscii(ReadOnlySpan<char> s, out Range greeting, out Range name)
    {
        greeting = name = default;
        var leading = 0;
        for (; leading < s.Length; leading++)
        {
            if (s[leading] >= 128) return Reading.NotAscii;
            if (IsWordChar(s[leading])) break;
        }
        for (var start = leading; start >= 0; start--)
        {
            for (var length = 1; length <= MaxGreetingLength && start + length <= s.Length; length++)
            {
                var c = s[start + length - 1];
                if (c >= 128) return Reading.NotAscii;
                if (!char.IsAsciiLetter(c) && c != '\'' && c != ' ') break;
                var after = start + length;
                if (length < 2 || after == s.Length) continue;
                if (s[after] >= 128) return Reading.NotAscii;
                if (s[after] is not (' ' or ',')) continue;
                var nameStart = after;
                while (nameStart < s.Length && s[nameStart] is ' ' or ',') nameStart++;
                if (nameStart == s.Length) continue;
                if (s[nameStart] >= 128) return Reading.NotAscii;
                if (!char.IsAsciiLetter(s[nameStart])) continue;
                var nameEnd = nameStart;
                while (nameEnd < s.Length && char.IsAsciiLetter(s[nameEnd])) nameEnd++;
                // A letter past ASCII would lengthen the name.
                if (nameEnd < s.Length && s[nameEnd] >= 128) return Reading.NotAscii;
                greeting = start..after;
                name = nameStart..nameEnd;
                return Reading.Found;
            }
        }
        return Reading.None;
    }

    // The pattern's \w within ASCII: letters, digits and the underscore.
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
