var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

app.MapGet("/healthz", () => TypedResults.Ok(new Health("ok")));
app.MapPost("/echo", (EchoRequest request) => TypedResults.Ok(new EchoAnswer(request.EventId ?? "", request.Notes?.Length ?? 0)));

app.Run();

internal sealed record Health(string Status);
internal sealed record EchoRequest(string? EventId, string? InterviewerEmail, string? Notes);
internal sealed record EchoAnswer(string EventId, int NotesLength);
