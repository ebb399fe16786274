using System.Collections.Specialized;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using FollowUp.Api.Calendar;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Text;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Serialization.Json;

namespace FollowUp.Api.Demo;

/// <summary>
/// An in-process stand-in for the parts of Microsoft Graph that FollowUp calls, answering from a
/// <see cref="SampleMailbox"/> the way Graph does (window filtering, <c>$top</c> paging with <c>@odata.nextLink</c>,
/// <c>$select</c>, <c>Prefer</c> time zone and body type). It is the last handler of the real Graph client's pipeline.
/// </summary>
public sealed partial class DemoGraphHandler(SampleMailbox mailbox, TimeProvider clock) : HttpMessageHandler
{
    private const int DefaultPageSize = 10;
    private const int MaxPageSize = 1000;

    public SampleMailbox Mailbox => mailbox;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var path = request.RequestUri!.AbsolutePath;
        var version = path.IndexOf("/me", StringComparison.OrdinalIgnoreCase);
        var route = version < 0 ? path : path[version..];
        var query = HttpUtility.ParseQueryString(request.RequestUri.Query);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(ct);
        try
        {
            return Route(request.Method, route.TrimEnd('/'), query, request, body);
        }
        catch (GraphFault fault)
        {
            return Error(fault.Status, fault.Code, fault.Message);
        }
    }

    private HttpResponseMessage Route(HttpMethod method, string route, NameValueCollection query, HttpRequestMessage request, string? body)
    {
        // Ids travel percent-encoded (Graph ids end in '='); compare them decoded.
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length == 0 || !segments[0].Equals("me", StringComparison.OrdinalIgnoreCase))
            throw new GraphFault(HttpStatusCode.BadRequest, "BadRequest", "Only /me resources are served by the demo mailbox.");

        return (method.Method, segments.Length > 1 ? segments[1].ToLowerInvariant() : "") switch
        {
            ("GET", "") => Json(HttpStatusCode.OK, new JsonObject
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
                ["id"] = "demo-user",
                ["displayName"] = mailbox.Owner.Name,
                ["mail"] = mailbox.Owner.Address,
                ["userPrincipalName"] = mailbox.Owner.Address,
            }),
            ("GET", "calendarview") => CalendarView(request, query),
            ("GET", "events") when segments.Length == 3 => Event(request, segments[2], query),
            _ => DemoMessages.Route(this, method, segments, query, request, body),
        };
    }

    private HttpResponseMessage CalendarView(HttpRequestMessage request, NameValueCollection query)
    {
        if (!TryParseInstant(query["startDateTime"], out var from) || !TryParseInstant(query["endDateTime"], out var to))
            throw new GraphFault(HttpStatusCode.BadRequest, "ErrorInvalidParameter",
                "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");

        var matching = mailbox.Events
            .Select(e => (Event: e, Start: Instant(e["start"]), End: Instant(e["end"])))
            .Where(x => x.Start < to && x.End > from)
            .OrderBy(x => x.Start).ThenBy(x => (string?)x.Event["id"], StringComparer.Ordinal)
            .Select(x => x.Event)
            .ToList();
        return Page(request, query, matching, "https://graph.microsoft.com/v1.0/$metadata#users('demo-user')/calendarView");
    }

    private HttpResponseMessage Event(HttpRequestMessage request, string id, NameValueCollection query)
    {
        var found = mailbox.Events.FirstOrDefault(e => (string?)e["id"] == id)
            ?? throw new GraphFault(HttpStatusCode.NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");
        return Json(HttpStatusCode.OK, Shape(found, request, query["$select"]), request);
    }

    /// <summary>One page of a collection, with <c>@odata.nextLink</c> (by <c>$skip</c>) when more remain.</summary>
    internal HttpResponseMessage Page(HttpRequestMessage request, NameValueCollection query, IReadOnlyList<JsonObject> items, string context)
    {
        var top = int.TryParse(query["$top"], out var t) ? Math.Clamp(t, 1, MaxPageSize) : DefaultPageSize;
        var skip = int.TryParse(query["$skip"], out var s) ? Math.Max(0, s) : 0;
        var page = new JsonArray();
        foreach (var item in items.Skip(skip).Take(top)) page.Add(Shape(item, request, query["$select"]));
        var result = new JsonObject { ["@odata.context"] = context, ["value"] = page };
        if (skip + top < items.Count)
        {
            var next = HttpUtility.ParseQueryString(request.RequestUri!.Query);
            next["$skip"] = (skip + top).ToString(CultureInfo.InvariantCulture);
            next["$top"] = top.ToString(CultureInfo.InvariantCulture);
            var builder = new UriBuilder(request.RequestUri) { Query = ToQuery(next) };
            result["@odata.nextLink"] = builder.Uri.AbsoluteUri;
        }
        return Json(HttpStatusCode.OK, result, request);
    }

    /// <summary>
    /// A copy of the item as Graph shapes it: with <c>$select</c>, only those properties plus <c>id</c> and
    /// <c>@odata.etag</c>; times in the preferred zone; the body as HTML or, when preferred, as Graph's text.
    /// </summary>
    private static JsonObject Shape(JsonObject item, HttpRequestMessage request, string? select)
    {
        var copy = (JsonObject)item.DeepClone();
        if (!string.IsNullOrWhiteSpace(select))
        {
            var keep = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            keep.Add("id");
            foreach (var key in copy.Select(p => p.Key).ToList())
                if (!keep.Contains(key) && !key.StartsWith("@odata.", StringComparison.Ordinal)) copy.Remove(key);
        }
        var prefer = Preferences(request);
        if (prefer.TryGetValue("outlook.timezone", out var zoneId) && TimeZones.Find(zoneId) is { } zone && zone != TimeZoneInfo.Utc)
            foreach (var key in new[] { "start", "end" })
                if (copy[key] is JsonObject when)
                {
                    var utc = Instant(when);
                    when["dateTime"] = TimeZoneInfo.ConvertTime(utc, zone).ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture);
                    when["timeZone"] = zoneId;
                }
        if (prefer.TryGetValue("outlook.body-content-type", out var bodyType) && bodyType == "text"
            && copy["body"] is JsonObject b && (string?)b["contentType"] == "html")
        {
            b["content"] = GraphTextBody.FromHtml((string?)b["content"]);
            b["contentType"] = "text";
        }
        return copy;
    }

    private static Dictionary<string, string> Preferences(HttpRequestMessage request)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!request.Headers.TryGetValues("Prefer", out var values)) return result;
        foreach (var part in values.SelectMany(v => v.Split(',')))
        {
            var eq = part.IndexOf('=');
            if (eq > 0) result[part[..eq].Trim()] = part[(eq + 1)..].Trim().Trim('"');
        }
        return result;
    }

    internal static DateTimeOffset Instant(JsonNode? when)
    {
        var text = (string?)when?["dateTime"];
        if (text is null) return DateTimeOffset.MinValue;
        var local = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
        var zone = TimeZones.Find((string?)when?["timeZone"]) ?? TimeZoneInfo.Utc;
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(local)).ToUniversalTime();
    }

    internal static bool TryParseInstant(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    private static string ToQuery(NameValueCollection q) =>
        string.Join('&', q.AllKeys.Where(k => k is not null).Select(k => $"{Uri.EscapeDataString(k!)}={Uri.EscapeDataString(q[k] ?? "")}"));

    internal DateTimeOffset Now => clock.GetUtcNow();

    internal static HttpResponseMessage Json(HttpStatusCode status, JsonNode body, HttpRequestMessage? request = null)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (request is not null && Preferences(request).TryGetValue("outlook.timezone", out var zone))
            response.Headers.TryAddWithoutValidation("Preference-Applied", $"outlook.timezone=\"{zone}\"");
        return response;
    }

    internal static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
        Json(status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject { ["date"] = DateTime.UtcNow.ToString("s", CultureInfo.InvariantCulture), ["request-id"] = Guid.NewGuid().ToString() },
            },
        });

    /// <summary>Reads a Graph event the way the SDK does, for owner inference on files from outside.</summary>
    internal static CalendarEvent ToCalendarEvent(JsonObject json)
    {
        using var doc = JsonDocument.Parse(json.ToJsonString());
        var parsed = new JsonParseNode(doc.RootElement).GetObjectValue(Microsoft.Graph.Models.Event.CreateFromDiscriminatorValue)!;
        return GraphCalendarSource.ToDomain(parsed);
    }

    internal sealed class GraphFault(HttpStatusCode status, string code, string message) : Exception(message)
    {
        public HttpStatusCode Status { get; } = status;
        public string Code { get; } = code;
    }
}
