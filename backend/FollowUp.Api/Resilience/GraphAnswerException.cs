namespace FollowUp.Api.Resilience;

/// <summary>Graph answered something FollowUp cannot trust as complete (a nextLink loop, a foreign host): a 502.</summary>
public sealed class GraphAnswerException(string message) : Exception(message);
