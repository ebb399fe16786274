namespace FollowUp.Domain.Calendar;

/// <summary>Guesses whose calendar a set of events is, for demo files that arrive without their owner.</summary>
public static class MailboxOwnerInference
{
    /// <summary>
    /// The organizer of the events marked IsOrganizer (the owner organised them); otherwise the address found
    /// in the most events as an attendee. Null when the events name nobody.
    /// </summary>
    public static MailboxOwner? Infer(IEnumerable<CalendarEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var organised = new Dictionary<string, (string Name, int Count)>(StringComparer.OrdinalIgnoreCase);
        var attended = new Dictionary<string, (string Name, int Count)>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in events)
        {
            if (e is null) continue;
            if (e.IsOrganizer) Count(organised, e.Organizer);
            var seenHere = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var a in e.Attendees)
                if (a?.Who is { } who && seenHere.Add(who.Address.Trim())) Count(attended, who);
        }
        var best = Best(organised) ?? Best(attended);
        return best is { } b ? new MailboxOwner(b.Name, b.Address) : null;
    }

    private static void Count(Dictionary<string, (string Name, int Count)> counts, EmailAddress who)
    {
        var address = who.Address?.Trim() ?? "";
        if (address.IndexOf('@') <= 0) return;
        counts.TryGetValue(address, out var current);
        var name = string.IsNullOrWhiteSpace(current.Name) ? (who.Name ?? "").Trim() : current.Name;
        counts[address] = (name, current.Count + 1);
    }

    private static (string Name, string Address)? Best(Dictionary<string, (string Name, int Count)> counts)
    {
        if (counts.Count == 0) return null;
        // Ties go to the alphabetically first address so the guess does not depend on event order.
        var top = counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).First();
        return (top.Value.Name, top.Key);
    }
}
