using System.Collections.Specialized;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FollowUp.Api.Mail;

namespace FollowUp.Api.Demo;

/// <summary>
/// The mail side of the demo mailbox, answered like Graph: Sent Items (<c>$filter</c> on sentDateTime,
/// <c>$orderby</c>, <c>$select</c>, <c>$top</c> paging), drafts kept in memory, single-value extended properties
/// (tag lookup, deferred send time) and <c>/send</c>. A message's folder follows from its state: a draft is in
/// Drafts, a sent message whose (deferred) send time is still ahead waits in the Outbox, the rest is in Sent Items.
/// </summary>
internal static partial class DemoMessages
{
    private const string ExtendedProperties = "singleValueExtendedProperties";

    public static HttpResponseMessage Route(DemoGraphHandler graph, HttpMethod method, string[] segments, NameValueCollection query, HttpRequestMessage request, string? body)
    {
        var path = segments.Skip(1).Select(s => s.ToLowerInvariant()).ToArray();
        var id = segments.Length > 2 ? Uri.UnescapeDataString(segments[2]) : "";
        return (method.Method, path) switch
        {
            ("GET", ["mailfolders", var folder, "messages"]) => List(graph, request, query, m => Folder(m, graph.Now) == WellKnown(folder),
                $"https://graph.microsoft.com/v1.0/$metadata#users('demo-user')/mailFolders('{folder}')/messages"),
            ("GET", ["messages"]) => List(graph, request, query, _ => true, "https://graph.microsoft.com/v1.0/$metadata#users('demo-user')/messages"),
            ("POST", ["messages"]) => Create(graph, body),
            ("GET", ["messages", _]) => DemoGraphHandler.Json(HttpStatusCode.OK, Select(Strip(Find(graph, id)), query["$select"])),
            ("PATCH", ["messages", _]) => Update(graph, id, body),
            ("DELETE", ["messages", _]) => graph.Mailbox.RemoveMessage(id)
                ? new HttpResponseMessage(HttpStatusCode.NoContent)
                : throw NotFound(),
            ("POST", ["messages", _, "send"]) => Send(graph, id),
            _ => throw new DemoGraphHandler.GraphFault(HttpStatusCode.NotFound, "UnknownResource", $"The demo mailbox does not serve {method} /{string.Join('/', segments)}."),
        };
    }

    private static string WellKnown(string folder) => folder switch
    {
        "sentitems" or "drafts" or "outbox" => folder,
        _ => throw new DemoGraphHandler.GraphFault(HttpStatusCode.NotFound, "ErrorInvalidIdMalformed", "Id is malformed."),
    };

    private static string Folder(JsonObject m, DateTimeOffset now) =>
        m["isDraft"]?.GetValue<bool>() == true ? "drafts"
        : SentAt(m) is { } sent && sent > now ? "outbox"
        : "sentitems";

    private static DateTimeOffset? SentAt(JsonObject m) =>
        DemoGraphHandler.TryParseInstant((string?)m["sentDateTime"], out var t) ? t : null;

    private static HttpResponseMessage List(DemoGraphHandler graph, HttpRequestMessage request, NameValueCollection query, Func<JsonObject, bool> inFolder, string context)
    {
        var filter = MessageFilter.Parse(query["$filter"]);
        IEnumerable<JsonObject> items = graph.Mailbox.Messages.Where(m => { lock (m) return inFolder(m) && filter.Matches(m); }).ToList();
        if (query["$orderby"] is { Length: > 0 } orderBy)
        {
            var parts = orderBy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // Graph: "The restriction or sort order is too complex" unless the sorted property leads the filter.
            if (filter.FirstProperty is { } first && !string.Equals(first, parts[0], StringComparison.OrdinalIgnoreCase))
                throw new DemoGraphHandler.GraphFault(HttpStatusCode.BadRequest, "InefficientFilter", "The restriction or sort order is too complex for this operation.");
            var descending = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            Func<JsonObject, string> byProperty = m => (string?)m[parts[0]] ?? "";
            items = descending ? items.OrderByDescending(byProperty, StringComparer.Ordinal) : items.OrderBy(byProperty, StringComparer.Ordinal);
        }
        return graph.Page(request, query, items.Select(Strip).ToList(), context);
    }

    private static HttpResponseMessage Create(DemoGraphHandler graph, string? body)
    {
        var input = (body is null ? null : JsonNode.Parse(body) as JsonObject)
            ?? throw new DemoGraphHandler.GraphFault(HttpStatusCode.BadRequest, "ErrorInvalidRequest", "The request body is not a message.");
        var now = graph.Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var id = $"AAMkAGRlbW8{Guid.NewGuid():N}AAA=";
        var message = new JsonObject
        {
            ["@odata.etag"] = $"W/\"{Guid.NewGuid():N}\"",
            ["id"] = id,
            ["createdDateTime"] = now,
            ["lastModifiedDateTime"] = now,
            ["receivedDateTime"] = now,
            ["sentDateTime"] = now,
            ["hasAttachments"] = false,
            ["subject"] = (string?)input["subject"] ?? "",
            ["bodyPreview"] = "",
            ["importance"] = "normal",
            ["isRead"] = true,
            ["isDraft"] = true,
            ["webLink"] = $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(id)}&exvsurl=1&viewmodel=ReadMessageItem",
            ["body"] = input["body"]?.DeepClone() ?? new JsonObject { ["contentType"] = "html", ["content"] = "" },
            ["sender"] = Owner(graph),
            ["from"] = Owner(graph),
            ["toRecipients"] = input["toRecipients"]?.DeepClone() ?? new JsonArray(),
            ["ccRecipients"] = input["ccRecipients"]?.DeepClone() ?? new JsonArray(),
            ["bccRecipients"] = input["bccRecipients"]?.DeepClone() ?? new JsonArray(),
            ["replyTo"] = new JsonArray(),
            [ExtendedProperties] = input[ExtendedProperties]?.DeepClone() ?? new JsonArray(),
        };
        graph.Mailbox.AddMessage(message);
        var answer = Strip(message);
        answer["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('demo-user')/messages/$entity";
        return DemoGraphHandler.Json(HttpStatusCode.Created, answer);
    }

    private static HttpResponseMessage Update(DemoGraphHandler graph, string id, string? body)
    {
        var input = (body is null ? null : JsonNode.Parse(body) as JsonObject)
            ?? throw new DemoGraphHandler.GraphFault(HttpStatusCode.BadRequest, "ErrorInvalidRequest", "The request body is not a message.");
        var message = Find(graph, id);
        lock (message)
        {
            foreach (var (key, value) in input.ToList())
            {
                if (key == ExtendedProperties && value is JsonArray added)
                {
                    var kept = message[ExtendedProperties] as JsonArray ?? [];
                    foreach (var property in added.OfType<JsonObject>())
                    {
                        foreach (var same in kept.OfType<JsonObject>().Where(p => string.Equals((string?)p["id"], (string?)property["id"], StringComparison.OrdinalIgnoreCase)).ToList())
                            kept.Remove(same);
                        kept.Add(property.DeepClone());
                    }
                    message[ExtendedProperties] = kept.DeepClone();
                }
                else message[key] = value?.DeepClone();
            }
            message["lastModifiedDateTime"] = graph.Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            return DemoGraphHandler.Json(HttpStatusCode.OK, Strip(message));
        }
    }

    /// <summary>Sends a draft: now, or at its deferred send time (PidTagDeferredSendTime) when that is ahead.</summary>
    private static HttpResponseMessage Send(DemoGraphHandler graph, string id)
    {
        var message = Find(graph, id);
        lock (message)
        {
            if (message["isDraft"]?.GetValue<bool>() != true)
                throw new DemoGraphHandler.GraphFault(HttpStatusCode.BadRequest, "ErrorInvalidRequest", "Only a draft can be sent.");
            var deferred = (message[ExtendedProperties] as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(p => string.Equals((string?)p["id"], FollowUpTag.DeferredSendTime, StringComparison.OrdinalIgnoreCase));
            var sendAt = deferred is not null && DemoGraphHandler.TryParseInstant((string?)deferred["value"], out var at) && at > graph.Now ? at : graph.Now;
            message["isDraft"] = false;
            message["sentDateTime"] = sendAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }
        return new HttpResponseMessage(HttpStatusCode.Accepted);
    }

    private static JsonObject Find(DemoGraphHandler graph, string id) => graph.Mailbox.FindMessage(id) ?? throw NotFound();

    private static DemoGraphHandler.GraphFault NotFound() =>
        new(HttpStatusCode.NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");

    private static JsonObject Owner(DemoGraphHandler graph) =>
        new() { ["emailAddress"] = new JsonObject { ["name"] = graph.Mailbox.Owner.Name, ["address"] = graph.Mailbox.Owner.Address } };

    /// <summary>A copy without the extended properties: Graph returns them only when asked with <c>$expand</c>.</summary>
    private static JsonObject Strip(JsonObject message)
    {
        JsonObject copy;
        lock (message) copy = (JsonObject)message.DeepClone();
        copy.Remove(ExtendedProperties);
        return copy;
    }

    private static JsonObject Select(JsonObject message, string? select)
    {
        if (string.IsNullOrWhiteSpace(select)) return message;
        var keep = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append("id").ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in message.Select(p => p.Key).ToList())
            if (!keep.Contains(key) && !key.StartsWith("@odata.", StringComparison.Ordinal)) message.Remove(key);
        return message;
    }

    /// <summary>The <c>$filter</c> forms FollowUp sends: sentDateTime comparisons and the extended-property tag, joined by <c>and</c>.</summary>
    private sealed partial class MessageFilter
    {
        private readonly List<(string Op, DateTimeOffset Value)> _sent = [];
        private (string Id, string Value)? _tag;

        public string? FirstProperty { get; private set; }

        public static MessageFilter Parse(string? text)
        {
            var filter = new MessageFilter();
            if (string.IsNullOrWhiteSpace(text)) return filter;
            var rest = Tag().Replace(text, m =>
            {
                filter._tag = (m.Groups["id"].Value, m.Groups["value"].Value);
                filter.FirstProperty ??= "singleValueExtendedProperties";
                return " ";
            });
            rest = SentDate().Replace(rest, m =>
            {
                if (!DemoGraphHandler.TryParseInstant(m.Groups["at"].Value, out var at))
                    throw new DemoGraphHandler.GraphFault(HttpStatusCode.BadRequest, "BadRequest", $"Invalid date-time in filter: {m.Groups["at"].Value}");
                filter._sent.Add((m.Groups["op"].Value.ToLowerInvariant(), at));
                filter.FirstProperty ??= "sentDateTime";
                return " ";
            });
            if (rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => !w.Equals("and", StringComparison.OrdinalIgnoreCase)))
                throw new DemoGraphHandler.GraphFault(HttpStatusCode.BadRequest, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
            return filter;
        }

        public bool Matches(JsonObject m)
        {
            if (_tag is { } tag && !(m[ExtendedProperties] as JsonArray ?? []).OfType<JsonObject>().Any(p =>
                    string.Equals((string?)p["id"], tag.Id, StringComparison.OrdinalIgnoreCase) && (string?)p["value"] == tag.Value))
                return false;
            if (_sent.Count == 0) return true;
            if (SentAt(m) is not { } sent) return false;
            return _sent.All(c => c.Op switch
            {
                "ge" => sent >= c.Value,
                "gt" => sent > c.Value,
                "le" => sent <= c.Value,
                _ => sent < c.Value,
            });
        }

        [GeneratedRegex(@"singleValueExtendedProperties/any\(\s*(?<v>\w+)\s*:\s*\k<v>/id\s+eq\s+'(?<id>[^']*)'\s+and\s+\k<v>/value\s+eq\s+'(?<value>[^']*)'\s*\)", RegexOptions.IgnoreCase)]
        private static partial Regex Tag();

        [GeneratedRegex(@"sentDateTime\s+(?<op>ge|gt|le|lt)\s+(?<at>\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)", RegexOptions.IgnoreCase)]
        private static partial Regex SentDate();
    }
}
