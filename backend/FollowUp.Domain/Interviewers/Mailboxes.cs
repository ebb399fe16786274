using FollowUp.Domain.Calendar;
using FollowUp.Domain.Detection;

namespace FollowUp.Domain.Interviewers;

/// <summary>Tells people from rooms, bridges, robots and group mailboxes, using interviewer-rules.json.</summary>
internal sealed class Mailboxes
{
    private static readonly Lazy<Mailboxes> Shared = new(() => new Mailboxes(InterviewerRules.Load()));
    public static Mailboxes Default => Shared.Value;

    private readonly WordMatcher _roomName;
    private readonly WordMatcher _groupName;
    private readonly WordMatcher _coordinatorWord;
    private readonly string[] _roomFragments;
    private readonly HashSet<string> _serviceLocals;
    private readonly HashSet<string> _distributionLocals;
    private readonly string[] _distributionFragments;
    private readonly string[] _serviceDomains;
    private readonly string[] _dottedServiceDomains;
    private readonly HashSet<string> _webmail;
    private readonly HashSet<string> _suffixLabels;

    public InterviewerRules Rules { get; }

    public Mailboxes(InterviewerRules rules)
    {
        Rules = rules;
        _roomName = WordRegex(rules.RoomNameWords);
        _groupName = WordRegex(rules.GroupNameWords);
        _coordinatorWord = WordRegex(rules.CoordinatorWords);
        _roomFragments = Folded(rules.RoomAddressFragments);
        _serviceLocals = new(Folded(rules.ServiceLocalParts), StringComparer.Ordinal);
        _distributionLocals = new(Folded(rules.DistributionLocalParts), StringComparer.Ordinal);
        _distributionFragments = Folded(rules.DistributionFragments);
        _serviceDomains = Folded(rules.ServiceDomains);
        _dottedServiceDomains = _serviceDomains.Select(d => "." + d).ToArray();
        _webmail = new(Folded(rules.WebmailDomains), StringComparer.Ordinal);
        _suffixLabels = new(Folded(rules.DomainSuffixLabels), StringComparer.Ordinal);
    }

    public static WordMatcher WordRegex(IEnumerable<string> words) => new(words);

    private static string[] Folded(IEnumerable<string> items) =>
        items.Select(i => FoldedText.Fold(i.Trim())).Where(i => i.Length > 0).Distinct().ToArray();

    public static string LocalPart(string address)
    {
        var at = address.IndexOf('@');
        return (at < 0 ? address : address[..at]).Trim().ToLowerInvariant();
    }

    public static string Domain(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? "" : address[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
    }

    public static bool HasAddress(EmailAddress who) =>
        !string.IsNullOrWhiteSpace(who.Address) && who.Address.IndexOf('@') > 0;

    public bool IsRoom(EmailAddress who, AttendeeType type) => IsRoom(who, type, FoldedText.Fold(who.Name));

    public bool IsRoom(EmailAddress who, AttendeeType type, string foldedName)
    {
        if (type == AttendeeType.Resource) return true;
        // Only the mailbox part names a room: "northbridgepartners.com" is a company, not a bridge line.
        var at = who.Address.IndexOf('@');
        var mailbox = at < 0 ? who.Address.AsSpan() : who.Address.AsSpan(0, at + 1);
        foreach (var fragment in _roomFragments)
            if (mailbox.Contains(fragment, StringComparison.OrdinalIgnoreCase)) return true;
        return _roomName.IsMatch(foldedName);
    }

    /// <summary>The owner's other mailbox, invited under the owner's own full name (sam@samrivera.dev for Sam Rivera).</summary>
    public bool IsOwnerUnderAnotherAddress(EmailAddress who, MailboxOwner owner)
    {
        if (string.IsNullOrWhiteSpace(owner.Name) || string.IsNullOrWhiteSpace(who.Name) || owner.Name.Trim().IndexOf(' ') < 0) return false;
        return string.Equals(FoldedText.Fold(who.Name).Trim(), FoldedText.Fold(owner.Name).Trim(), StringComparison.Ordinal);
    }

    public bool IsServiceDomain(string domain)
    {
        for (var i = 0; i < _serviceDomains.Length; i++)
            if (domain == _serviceDomains[i] || domain.EndsWith(_dottedServiceDomains[i], StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>No-reply senders and scheduling tools: they send invites but nobody reads a thank-you there.</summary>
    public bool IsService(EmailAddress who)
    {
        var local = LocalPart(who.Address);
        // "Lena Fischer <lena.fischer@personio.de>": someone who works at the tool's company is a person.
        if (IsServiceDomain(Domain(who.Address))) return _serviceLocals.Contains(local) || !IsNamedMailbox(who.Name, local);
        if (_serviceLocals.Contains(local)) return true;
        return local.StartsWith("noreply", StringComparison.Ordinal) || local.StartsWith("no-reply", StringComparison.Ordinal)
            || local.StartsWith("donotreply", StringComparison.Ordinal) || local.StartsWith("do-not-reply", StringComparison.Ordinal);
    }

    private static bool IsNamedMailbox(string name, string local)
    {
        var words = FoldedText.Fold(name).Split([' ', ',', '.', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !local.Contains('.')) return false;
        var parts = local.Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries);
        return words.Count(w => w.Length >= 2 && parts.Contains(w)) >= 2;
    }

    /// <summary>Group mailboxes (recruiting@, interview-panel@, "Litware Talent"): many readers, no one person.</summary>
    public bool IsDistribution(EmailAddress who) => IsDistribution(who, FoldedText.Fold(who.Name));

    public bool IsDistribution(EmailAddress who, string foldedName)
    {
        var local = LocalPart(who.Address);
        if (_distributionLocals.Contains(local)) return true;
        foreach (var fragment in _distributionFragments)
            if (local.Contains(fragment, StringComparison.Ordinal)) return true;
        return _groupName.IsMatch(foldedName);
    }

    /// <summary>A mailbox named after the company itself (figmentstudio@figment.co): read by whoever runs it, not one interviewer.</summary>
    public bool IsCompanyMailbox(EmailAddress who)
    {
        var label = OrganisationLabel(Domain(who.Address));
        if (label is null || label.Length < 4) return false;
        var local = LocalPart(who.Address).Replace(".", "").Replace("-", "").Replace("_", "");
        return local.StartsWith(label.Replace("-", ""), StringComparison.Ordinal);
    }

    public bool NamesCoordinator(string foldedText) => _coordinatorWord.IsMatch(foldedText);

    public WordMatcher CoordinatorWord => _coordinatorWord;

    public bool IsWebmail(string domain) => _webmail.Contains(domain);

    /// <summary>The label that names the organisation: "mail.contoso.com.br" → "contoso", "proseware.onmicrosoft.com" → "proseware".</summary>
    public string? OrganisationLabel(string domain)
    {
        if (domain.Length == 0 || IsWebmail(domain) || IsServiceDomain(domain)) return null;
        var labels = domain.Split('.', StringSplitOptions.RemoveEmptyEntries);
        for (var i = labels.Length - 1; i >= 0; i--)
            if (!_suffixLabels.Contains(labels[i])) return labels[i];
        return null;
    }

    /// <summary>True when two addresses belong to the same organisation (subdomains included).</summary>
    public bool SameOrganisation(string domainA, string domainB)
    {
        if (domainA.Length == 0 || domainB.Length == 0) return false;
        if (domainA == domainB) return true;
        var a = OrganisationLabel(domainA);
        return a is not null && a == OrganisationLabel(domainB);
    }
}
