using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ChargePortal.Web.Accounts.ApiKeys;

namespace ChargePortal.Web.Tests.Foundation;

public sealed class ApiAuthenticationTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_key_is_401_problem_json()
    {
        var response = await factory.CreateApiClient(null).GetAsync("/api/stations", Ct);
        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, "API key");
        response.Headers.WwwAuthenticate.ToString().ShouldContain("Bearer");
    }

    [Theory]
    [InlineData("cpk_not-a-real-key")]
    [InlineData("something-else-entirely")]
    public async Task Wrong_key_is_401(string key)
    {
        var response = await factory.CreateApiClient(key).GetAsync("/api/stations", Ct);
        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, "unknown or revoked");
    }

    [Fact]
    public async Task Non_bearer_authorization_is_401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("a:b")));
        var response = await client.GetAsync("/api/stations", Ct);
        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, "Bearer");
    }

    [Fact]
    public async Task Operator_key_sees_every_station_with_enums_as_strings()
    {
        var response = await factory.CreateApiClient(ChargePortalFactory.DevelopmentApiKey).GetAsync("/api/stations", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        json.RootElement.GetArrayLength().ShouldBe(10);
        var connector = json.RootElement[0].GetProperty("connectors")[0];
        connector.GetProperty("type").ValueKind.ShouldBe(JsonValueKind.String);
        connector.GetProperty("status").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task Site_owner_key_sees_only_own_sites_and_cannot_register_stations()
    {
        var key = await CreateKeyForAsync(DemoSeeder.OwnerEmail);
        var client = factory.CreateApiClient(key);

        var stations = await client.GetFromJsonAsync<JsonElement>("/api/stations", Ct);
        stations.GetArrayLength().ShouldBe(7);
        stations.EnumerateArray().ShouldAllBe(s => s.GetProperty("site").GetString() != "Westerpark Garage");

        var other = await client.GetAsync("/api/stations/AMS-WP-01", Ct);
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var before = await CountStationsAsync();
        var register = await client.PostAsJsonAsync("/api/stations", new { id = "OWNER-TRY" }, Ct);
        await ShouldBeProblemAsync(register, HttpStatusCode.Forbidden, "role");
        (await CountStationsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Driver_key_is_403_on_station_api()
    {
        var key = await CreateKeyForAsync(DemoSeeder.DriverEmail);
        var response = await factory.CreateApiClient(key).GetAsync("/api/stations", Ct);
        await ShouldBeProblemAsync(response, HttpStatusCode.Forbidden, "role");
    }

    [Fact]
    public async Task Revoked_key_stops_working()
    {
        var keys = factory.Services.GetRequiredService<ApiKeyService>();
        var userId = await UserIdAsync(DemoSeeder.OperatorEmail);
        var created = await keys.CreateAsync(userId, "to revoke", Ct);
        var client = factory.CreateApiClient(created.Key);
        (await client.GetAsync("/api/stations", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await keys.RevokeAsync(created.Id, Ct)).ShouldBeTrue();

        (await client.GetAsync("/api/stations", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Keys_are_stored_hashed()
    {
        var keys = factory.Services.GetRequiredService<ApiKeyService>();
        var created = await keys.CreateAsync(await UserIdAsync(DemoSeeder.OperatorEmail), "hash check", Ct);

        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiKeys.SingleAsync(k => k.Id == created.Id, Ct);
        stored.KeyHash.ShouldNotContain(created.Key);
        stored.KeyHash.Length.ShouldBe(64);
        created.Key.ShouldStartWith(stored.Prefix);
    }

    private async Task<string> CreateKeyForAsync(string email) =>
        (await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync(await UserIdAsync(email), "test key", Ct)).Key;

    private async Task<string> UserIdAsync(string email)
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<Accounts.ApplicationUser>>().FindByEmailAsync(email);
        return user!.Id;
    }

    private async Task<int> CountStationsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Stations.CountAsync(Ct);
    }

    internal static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        json.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
        json.RootElement.GetProperty("detail").GetString()!.ShouldContain(detailContains, Case.Insensitive);
    }
}
