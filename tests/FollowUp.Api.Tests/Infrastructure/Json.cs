using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FollowUp.Api.Tests.Infrastructure;

public static class Json
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static async Task<JsonArray> GetArrayAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (JsonArray)(await response.ReadJsonAsync());
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonObject ById(this JsonArray items, string eventId) =>
        items.OfType<JsonObject>().Single(i => (string?)i["eventId"] == eventId);
}
