using FollowUp.Domain.Calendar;
using FollowUp.Domain.Text;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using GraphEmailAddress = Microsoft.Graph.Models.EmailAddress;

namespace FollowUp.Api.Calendar;

/// <summary>Reads <c>/me/calendarView</c> through the real <see cref="GraphServiceClient"/>.</summary>
public sealed class GraphCalendarSource(GraphServiceClient graph) : ICalendarSource
{
    /// <summary>Only the fields the domain reads: smaller answers, fewer throttling units.</summary>
    public static readonly string[] Select =
    [
        "id", "subject", "body", "start", "end", "location", "organizer", "attendees", "isAllDay", "isCancelled",
        "isOrganizer", "responseStatus", "showAs", "type", "seriesMasterId", "originalStartTimeZone", "categories",
        "webLink", "isOnlineMeeting",
    ];

    public const int PageSize = 100;

    // UTC times and text bodies on every page: PageIterator drops request headers after the first page.
    private static void AddPreferHeaders(RequestHeaders headers)
    {
        headers.Add("Prefer", "outlook.timezone=\"UTC\"");
        headers.Add("Prefer", "outlook.body-content-type=\"text\"");
    }

    public async Task<IReadOnlyList<CalendarEvent>> GetWindowAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var first = await graph.Me.CalendarView.GetAsync(request =>
        {
            request.QueryParameters.StartDateTime = from.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
            request.QueryParameters.EndDateTime = to.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
            request.QueryParameters.Select = Select;
            request.QueryParameters.Top = PageSize;
            AddPreferHeaders(request.Headers);
        }, ct);
        if (first is null) return [];

        var events = new List<CalendarEvent>();
        var iterator = PageIterator<Event, EventCollectionResponse>.CreatePageIterator(
            graph, first,
            item => { events.Add(ToDomain(item)); return true; },
            request => { AddPreferHeaders(request.Headers); return request; });
        await iterator.IterateAsync(ct);
        return events;
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

    internal static CalendarEvent ToDomain(Event e)
    {
        var body = e.Body?.Content ?? "";
        if (e.Body?.ContentType == BodyType.Html) body = HtmlText.ToPlainText(body);
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
            WebLink = e.WebLink,
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
