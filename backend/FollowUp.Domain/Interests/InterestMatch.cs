namespace FollowUp.Domain.Interests;

/// <summary>An interviewer's personal interest found in the user's notes, with the phrase that shows it.</summary>
/// <param name="Topic">Canonical topic, lower case, as in interests.json (e.g. "knitting", "classic movies").</param>
/// <param name="Evidence">The words of the notes that name it, verbatim (e.g. "knitted the blanket").</param>
public sealed record InterestMatch(string Topic, string Evidence);
