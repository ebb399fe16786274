using System.Reflection;
using System.Text;
using FollowUp.Domain.Detection;

namespace FollowUp.Domain.Tests.Detection;

/// <summary>The detector folds Latin text character by character for speed; it must fold exactly as full Unicode normalisation does.</summary>
public class FoldingTests
{
    private static readonly Type Folding = typeof(InterviewDetector).Assembly.GetType("FollowUp.Domain.Detection.FoldedText", throwOnError: true)!;

    private static string Fold(string text) =>
        (string)Folding.GetMethod("Fold", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(int)])!.Invoke(null, [text, int.MaxValue])!;

    private static string FoldByNormalising(string text)
    {
        var method = Folding.GetMethod("FoldByNormalising", BindingFlags.NonPublic | BindingFlags.Static)!;
        // ReadOnlySpan<char> cannot be boxed for Invoke: go through a delegate.
        var fold = method.CreateDelegate<SpanFold>();
        return fold(text);
    }

    private delegate string SpanFold(ReadOnlySpan<char> text);

    [Fact]
    public void Folding_Latin_text_by_character_matches_normalising_the_whole_text()
    {
        // Accented letters, combining marks after them, ligatures, dashes, quotes, spaces, Greek and CJK that must take the slow road.
        var alphabet = "aAeEzZ `'-,.:ß" + "àÀéÉèêëïîôöüÜçÇñÑåÅøØæÆœŒıİĳǆǅǄŉſ" + "\u00A0\u00AD\u00B4\u2013\u2014\u2018\u2019\u201C\u2212\u2009\u200B\u200D\u2060\u2122"
                       + "\u0301\u0308\u0327\u0323\u031B\u0345\u0903" + "ΑαΆάΐ" + "ЁёЙй" + "한글中" + "\u1E9E\u1EA0\u212A\u212B";
        var random = new Random(11);
        var checkedTexts = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var sb = new StringBuilder();
            var length = random.Next(1, 12);
            for (var k = 0; k < length; k++) sb.Append(alphabet[random.Next(alphabet.Length)]);
            var text = sb.ToString();
            if (text.All(c => c < 128)) continue;
            Assert.Equal(FoldByNormalising(text), Fold(text));
            checkedTexts++;
        }
        for (var c = 0x80; c < 0x2400; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            var text = "A" + (char)c + "b";
            Assert.Equal(FoldByNormalising(text), Fold(text));
        }
        Assert.True(checkedTexts > 10_000);
    }
}
