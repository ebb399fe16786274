using FollowUp.Api.Resilience;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Text;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using GraphEmailAddress = Microsoft.Graph.Models.EmailAddress;

namespace FollowUp.Api.Calendar;

/// <summary>
/// Reads <c>/me/calendarView</c> through the real <see cref="GraphServiceClient"/>, every page, or fails: a nextLink
/// that comes back to a page already read, or more pages than any real window has, is a 502, never a partial list.
/// </summary>
public sealed class GraphCalendarSource(GraphServiceClient graph, GraphResilienceOptions? options = null) : ICalendarSource
{
    private readonly int _maxPages = (options ?? new GraphResilienceOptions()).MaxPages;

    /// <summary>
    /// Only what FollowUp reads (detection, interviewer resolution, follow-up status, send-time zone, the pane's
    /// location line): a full event is ~45 properties and Outlook's HTML, most of an unselected answer's bytes.
    /// Properties left out here (isAllDay, showAs, type, seriesMasterId, categories, isOnlineMeeting, webLink) reach
    /// the domain as CalendarEvent's defaults: add them back before anything reads them.
    /// The body is read as its preview (Graph's first 255 characters of text): what says "interview" and who holds it
    /// comes first in an invite, and the rest (Teams join blocks, tracker footers) was half of the selected bytes.
    /// Measured with bodies cut to 255 characters over the labelled events (109 of them longer) and with previews over the
    /// sample mailbox: no verdict, interviewer, company or role changed; some reasons drawn from footers ("sent through
    /// Greenhouse") are no longer given.
    /// </summary>
    public static readonly string[] Select =
    [
        "id", "subject", "bodyPreview", "start", "end", "location", "organizer", "attendees", "isCancelled", "isOrganizer",
        "responseStatus", "originalStartTimeZone",
    ];

    public const int PageSize = 100;

    // UTC times and text bodies, asked again on every page (a nextLink carries the query, not the headers).
    private static void AddPreferHeaders(RequestHeaders headers)
    {
        headers.Add("Prefer", "outlook.timezone=\"UTC\"");
        headers.Add("Prefer", "outlook.body-content-type=\"text\"");
    }

    public async Task<IReadOnlyList<CalendarEvent>> GetWindowAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        Action<RequestConfiguration<Microsoft.Graph.Me.CalendarView.CalendarViewRequestBuilder.CalendarViewRequestBuilderGetQueryParameters>> window = request =>
        {
            request.QueryParameters.StartDateTime = from.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
            request.QueryParameters.EndDateTime = to.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
            request.QueryParameters.Select = Select;
            request.QueryParameters.Top = PageSize;
            AddPreferHeaders(request.Headers);
        };
        var read = new HashSet<string>(StringComparer.Ordinal) { PageKey(graph.Me.CalendarView.ToGetRequestInformation(window).URI) };
        var page = await graph.Me.CalendarView.GetAsync(window, ct);

        var events = new List<CalendarEvent>();
        while (page is not null)
        {
            foreach (var item in page.Value ?? []) events.Add(ToDomain(item));
            if (string.IsNullOrEmpty(page.OdataNextLink)) return events;
            if (!Uri.TryCreate(page.OdataNextLink, UriKind.Absolute, out var next) || !read.Add(PageKey(next)))
                throw new GraphAnswerException("Microsoft Graph's calendar pages lead back to a page already read.");
            if (read.Count > _maxPages)
                throw new GraphAnswerException($"Microsoft Graph's calendar window runs past {_maxPages} pages.");
            page = await graph.Me.CalendarView.WithUrl(next.AbsoluteUri).GetAsync(request => AddPreferHeaders(request.Headers), ct);
        }
        return events;
    }

    /// <summary>One page, however its link is spelled: host, path and the decoded query parameters in order.</summary>
    internal static string PageKey(Uri uri)
    {
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Uri.UnescapeDataString(p.Replace('+', ' ')))
            .Order(StringComparer.Ordinal);
        return $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}{Uri.UnescapeDataString(uri.AbsolutePath).ToLowerInvariant()}?{string.Join('&', query)}";
    }

    public async Task<CalendarEvent?> GetEventAsync(string id, CancellationToken ct)
    {
        try
        {
            var e = await graph.Me.Events[id].GetAsync(request =>
            {
                request.QueryParameters.Select = Select;
                AddPreferHeaders(request.Headers);
            }, ct);
            return e is null ? null : ToDomain(e);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 404 or 400)
        {
            return null; // Graph answers 400 ErrorInvalidIdMalformed for ids that are not its own.
        }
    }

    public const int MaxBodyLength = 16 * 1024;

    internal static CalendarEvent ToDomain(Event e)
    {
        // The preview unless a whole body came (a caller that selects it, or a Graph stand-in that sends everything).
        var body = e.Body?.Content ?? e.BodyPreview ?? "";
        if (e.Body?.ContentType == BodyType.Html) body = HtmlText.ToPlainText(body);
        // What decides an interview is in an invite's first pages; a megabyte body only costs memory and cache space.
        if (body.Length > MaxBodyLength) body = body[..MaxBodyLength];
        return new CalendarEvent
        {
            Id = e.Id ?? "",
            Subject = e.Subject ?? "",
            BodyText = body,
            Location = e.Location?.DisplayName ?? "",
            Start = ToUtc(e.Start),
            End = ToUtc(e.End),
            IsAllDay = e.IsAllDay ?? false,
            IsCancelled = e.IsCancelled ?? false,
            IsOrganizer = e.IsOrganizer ?? false,
            UserResponse = ToResponse(e.ResponseStatus?.Response),
            Organizer = ToAddress(e.Organizer?.EmailAddress),
            Attendees = (e.Attendees ?? []).Select(a => new Domain.Calendar.Attendee(
                ToAddress(a.EmailAddress),
                a.Type switch { Microsoft.Graph.Models.AttendeeType.Optional => Domain.Calendar.AttendeeType.Optional, Microsoft.Graph.Models.AttendeeType.Resource => Domain.Calendar.AttendeeType.Resource, _ => Domain.Calendar.AttendeeType.Required },
                ToResponse(a.Status?.Response))).ToList(),
            Categories = e.Categories ?? [],
            ShowAs = e.ShowAs?.ToString() is { } showAs ? char.ToLowerInvariant(showAs[0]) + showAs[1..] : "busy",
            Type = e.Type?.ToString() is { } type ? char.ToLowerInvariant(type[0]) + type[1..] : "singleInstance",
            SeriesMasterId = e.SeriesMasterId,
            OriginalTimeZone = e.OriginalStartTimeZone,
            IsOnlineMeeting = e.IsOnlineMeeting ?? false,
        };
    }

    private static Domain.Calendar.EmailAddress ToAddress(GraphEmailAddress? a) => new(a?.Name ?? "", a?.Address ?? "");

    private static ResponseKind ToResponse(ResponseType? r) => r switch
    {
        ResponseType.Organizer => ResponseKind.Organizer,
        ResponseType.TentativelyAccepted => ResponseKind.TentativelyAccepted,
        ResponseType.Accepted => ResponseKind.Accepted,
        ResponseType.Declined => ResponseKind.Declined,
        ResponseType.NotResponded => ResponseKind.NotResponded,
        _ => ResponseKind.None,
    };

    /// <summary>Graph answers wall-clock times in the zone the Prefer header asked for (UTC here).</summary>
    internal static DateTimeOffset ToUtc(DateTimeTimeZone? t)
    {
        if (t?.DateTime is null) return DateTimeOffset.MinValue;
        var local = DateTime.Parse(t.DateTime, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None);
        var zone = TimeZones.Find(t.TimeZone) ?? TimeZoneInfo.Utc;
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
