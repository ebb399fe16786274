using FollowUp.Api.Drafts;
using FollowUp.Api.FollowUps;

namespace FollowUp.Api.Mail;

public static class MailExtensions
{
    /// <summary>Sent detection, Outlook drafts and deferred sends: the services that keep follow-ups current.</summary>
    public static IServiceCollection AddFollowUpMail(this IServiceCollection services)
    {
        services.AddSingleton<DraftLocks>();
        services.AddScoped<SentItems>();
        services.AddScoped<OutlookMail>();
        services.AddTransient<LetterWriter>();
        services.AddSingleton<RecentLetters>();
        services.AddScoped<OutlookDrafter>();
        return services;
    }
}
