namespace FollowUp.Domain.Gifts;

/// <summary>An "intellectual gift": a free, reputable page about the interviewer's interest.</summary>
/// <param name="Title">The page's name as a letter shows it.</param>
/// <param name="Url">Absolute https address of the free page.</param>
/// <param name="Why">One line on why the interviewer might enjoy it.</param>
/// <param name="Kind">What the page is, in the letter's words: article, pattern, guide, map, list, pamphlet, recipe, video...</param>
public sealed record Gift(string Title, string Url, string Why, string Kind = "article");
