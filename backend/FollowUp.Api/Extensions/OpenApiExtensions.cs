using System.Reflection;
using Microsoft.OpenApi;

namespace FollowUp.Api.Extensions;

public static class OpenApiExtensions
{
    /// <summary>Swagger (Swashbuckle) with the XML docs and the bearer scheme the pane uses.</summary>
    public static void AddFollowUpOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "FollowUp API",
                Version = "v1",
                Description = "Finds job interviews in the user's Outlook calendar and drafts a thoughtful thank-you to each interviewer.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml)) options.IncludeXmlComments(xml);
            options.SchemaFilter<RequestExamples>();
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An Entra ID access token for api://{client-id}/access_as_user. Not needed in demo mode.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
            });
        });
    }
}
