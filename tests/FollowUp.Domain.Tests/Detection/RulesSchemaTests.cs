using System.Globalization;
using System.Text;
using FollowUp.Domain.Detection;
using FollowUp.Domain.Interviewers;

namespace FollowUp.Domain.Tests.Detection;

public class RulesSchemaTests
{
    // Folds independently of the product code, so a folding bug cannot hide a duplicate.
    private static string Fold(string s) =>
        new(s.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());

    private static readonly DetectionRules Rules = DetectionRules.Load();

    [Fact]
    public void Detection_rules_load_from_the_embedded_data_file()
    {
        Assert.InRange(Rules.Threshold, 0.5, 10);
        Assert.NotEmpty(Rules.Subject);
        Assert.NotEmpty(Rules.Body);
        Assert.NotEmpty(Rules.SubjectPrefixes);
    }

    [Fact]
    public void Every_signal_has_a_name_a_reason_a_weight_in_range_and_phrases()
    {
        foreach (var s in Rules.Subject.Concat(Rules.Body))
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Name));
            Assert.Contains("{0}", s.Reason);
            Assert.InRange(Math.Abs(s.Weight), 0.25, 10);
            Assert.NotEmpty(s.Phrases);
            Assert.All(s.Phrases, p => Assert.False(string.IsNullOrWhiteSpace(p), $"empty phrase in {s.Name}"));
            Assert.All(s.Phrases, p => Assert.Equal(p.Trim(), p));
        }
    }

    [Fact]
    public void No_phrase_appears_twice_in_a_field_even_with_different_accents_or_case()
    {
        foreach (var field in new[] { Rules.Subject, Rules.Body })
        {
            var duplicates = field.SelectMany(s => s.Phrases).GroupBy(Fold).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicates.Count == 0, "duplicates: " + string.Join(", ", duplicates));
        }
    }

    [Fact]
    public void Every_kind_a_signal_gives_is_ranked()
    {
        foreach (var s in Rules.Subject.Concat(Rules.Body).Where(s => s.Kind is not null))
            Assert.Contains(s.Kind, Rules.KindPriority);
        Assert.Equal(Rules.KindPriority.Count, Rules.KindPriority.Distinct().Count());
    }

    [Fact]
    public void Hard_negatives_outweigh_a_single_interview_word()
    {
        var interview = Rules.Subject.Where(s => s.Kind is not null).Max(s => s.Weight);
        Assert.All(Rules.Subject.Where(s => s.Weight < 0), s => Assert.True(-s.Weight > interview, $"{s.Name} is too weak"));
        Assert.True(Rules.Structure.OwnerAloneBlock < -interview);
    }

    [Fact]
    public void Prefixes_and_domain_lists_have_no_blanks_or_duplicates()
    {
        foreach (var list in new[] { Rules.SubjectPrefixes, Rules.SchedulingToolDomains, Rules.WebmailDomains, Rules.Greetings })
        {
            Assert.All(list, x => Assert.False(string.IsNullOrWhiteSpace(x)));
            Assert.Equal(list.Count, list.Select(Fold).Distinct().Count());
        }
        Assert.All(Rules.SubjectPrefixes, p => Assert.EndsWith(":", p));
        Assert.All(Rules.SchedulingToolDomains.Concat(Rules.WebmailDomains), d => Assert.Matches("^[a-z0-9.-]+\\.[a-z]{2,}$", d));
    }

    [Fact]
    public void Interviewer_rules_have_no_blank_or_duplicate_entries()
    {
        var r = InterviewerRules.Load();
        var lists = new Dictionary<string, IReadOnlyList<string>>
        {
            ["roomNameWords"] = r.RoomNameWords, ["roomAddressFragments"] = r.RoomAddressFragments, ["serviceLocalParts"] = r.ServiceLocalParts,
            ["distributionLocalParts"] = r.DistributionLocalParts, ["distributionFragments"] = r.DistributionFragments, ["serviceDomains"] = r.ServiceDomains,
            ["groupNameWords"] = r.GroupNameWords, ["coordinatorWords"] = r.CoordinatorWords, ["coordinatorLeadIns"] = r.CoordinatorLeadIns,
            ["selfCoordinatorPhrases"] = r.SelfCoordinatorPhrases, ["organizerSchedulerWords"] = r.OrganizerSchedulerWords, ["pastMeetingLeadIns"] = r.PastMeetingLeadIns, ["honorifics"] = r.Honorifics, ["webmailDomains"] = r.WebmailDomains,
            ["domainSuffixLabels"] = r.DomainSuffixLabels, ["roleLeadWords"] = r.RoleLeadWords, ["roleTrailWords"] = r.RoleTrailWords, ["roleCutWords"] = r.RoleCutWords, ["notRoles"] = r.NotRoles, ["titleWords"] = r.TitleWords, ["notCompanyWords"] = r.NotCompanyWords,
        };
        foreach (var (name, list) in lists)
        {
            Assert.True(list.Count > 0, $"{name} is empty");
            Assert.All(list, x => Assert.False(string.IsNullOrWhiteSpace(x), $"blank entry in {name}"));
            var duplicates = list.GroupBy(Fold).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicates.Count == 0, $"duplicates in {name}: {string.Join(", ", duplicates)}");
        }
    }

    [Fact]
    public void Both_rule_files_agree_on_webmail_and_scheduling_tools()
    {
        var r = InterviewerRules.Load();
        Assert.Equal(Rules.WebmailDomains.Order(), r.WebmailDomains.Order());
        Assert.Empty(Rules.SchedulingToolDomains.Except(r.ServiceDomains));
    }
}
