using FollowUp.Api.Drafts;
using FollowUp.Api.Extensions;
using FollowUp.Api.FollowUps;
using FollowUp.Api.Interests;
using FollowUp.Api.Interviews;
using FollowUp.Api.Mail;
using FollowUp.Api.Me;
using FollowUp.Api.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
var mode = builder.AddFollowUpIdentity();
builder.AddScaleOut();
builder.AddFollowUpSecurity(mode);
builder.AddGraph(mode);
builder.AddFollowUpStorage();
builder.AddFollowUpOpenApi();
builder.AddFollowUpJson();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<GraphFailureHandler>();
// Stateless services are transient: only what a request must share (the user, the database, the Graph client) is scoped.
builder.Services.AddTransient<InterviewDesk>();
builder.Services.AddFollowUpMail();

var app = builder.Build();

app.AnnounceMode(mode);
await app.MigrateFollowUpDatabaseAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseFollowUpSecurity();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseSwagger();
app.UseSwaggerUI(o => o.DocumentTitle = "FollowUp API");
app.UseAuthentication();
app.UseFollowUpRateLimiting();
app.UseAuthorization();

app.MapGet("/", () => Results.Redirect("/pane/taskpane.html")).ExcludeFromDescription();
app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).WithTags("Health").AllowAnonymous();
app.MapGet("/api/config", () => TypedResults.Ok(new ClientConfig(mode.IsDemo, mode.ClientId, mode.ApiScope, mode.Authority)))
    .WithTags("Health").WithSummary("What the pane needs to sign in (nothing in demo mode)").AllowAnonymous();

var api = app.MapGroup("/api").RequireAuthorization(IdentityExtensions.UserPolicy);
api.MapInterviews();
api.MapFollowUps();
api.MapDrafts();
api.MapInterests();
api.MapMe();
app.MapAddin();

app.Run();

/// <summary>What the pane needs to sign in.</summary>
public sealed record ClientConfig(bool Demo, string? ClientId, string? ApiScope, string? Authority);

public partial class Program;
