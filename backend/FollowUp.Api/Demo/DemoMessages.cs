using System.Collections.Specialized;
using System.Net;

namespace FollowUp.Api.Demo;

/// <summary>The mail side of the demo mailbox (Sent Items, drafts); grows with the follow-up lifecycle.</summary>
internal static class DemoMessages
{
    public static HttpResponseMessage Route(DemoGraphHandler graph, HttpMethod method, string[] segments, NameValueCollection query, HttpRequestMessage request, string? body) =>
        throw new DemoGraphHandler.GraphFault(HttpStatusCode.NotFound, "UnknownResource", $"The demo mailbox does not serve {method} /{string.Join('/', segments)}.");
}
