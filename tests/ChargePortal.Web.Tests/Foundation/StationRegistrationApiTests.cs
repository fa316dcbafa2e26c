using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChargePortal.Web.Data;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Foundation;

public sealed class StationRegistrationApiTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Api => factory.CreateApiClient(ChargePortalFactory.DevelopmentApiKey);

    [Fact]
    public async Task Registers_a_station_with_a_hashed_password()
    {
        var response = await Api.PostAsJsonAsync("/api/stations", new { id = "NEW-STATION-1", name = "New one", password = "s3cret-password" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe("/api/stations/NEW-STATION-1");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("id").GetString().ShouldBe("NEW-STATION-1");
        body.GetProperty("online").GetBoolean().ShouldBeFalse();

        await using var scope = factory.Services.CreateAsyncScope();
        var station = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Stations.SingleAsync(s => s.Id == "NEW-STATION-1", Ct);
        station.PasswordHash.ShouldNotBeNull();
        station.PasswordHash.ShouldNotContain("s3cret-password");
        StationRegistry.VerifyPassword(station, "s3cret-password").ShouldBeTrue();
        StationRegistry.VerifyPassword(station, "wrong-password").ShouldBeFalse();
        station.SecurityProfile.ShouldBe(1);
    }

    [Fact]
    public async Task Duplicate_id_is_409_and_changes_nothing()
    {
        var response = await Api.PostAsJsonAsync("/api/stations", new { id = "AMS-CS-01", name = "Impostor" }, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(response, HttpStatusCode.Conflict, "already registered");

        await using var scope = factory.Services.CreateAsyncScope();
        var station = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Stations.SingleAsync(s => s.Id == "AMS-CS-01", Ct);
        station.Name.ShouldBe("Centraal fast charger 1");
    }

    [Theory]
    [InlineData("{\"id\": \"\"}", "id is required")]
    [InlineData("{\"id\": \"has space\"}", "may contain only")]
    [InlineData("{\"id\": \"a/b\"}", "may contain only")]
    [InlineData("{\"id\": \"0123456789012345678901234567890123456789012345678\"}", "at most 48")]
    [InlineData("{\"id\": \"OK-ID\", \"password\": \"short\"}", "password must be")]
    [InlineData("{\"id\": \"OK-ID\", \"siteId\": 999}", "site 999 does not exist")]
    public async Task Invalid_registration_is_400_with_the_reason(string body, string reason)
    {
        var before = await CountAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await Api.PostAsync("/api/stations", content, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, reason);
        (await CountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"id\": 42}")]
    public async Task Malformed_body_is_400_problem_json(string body)
    {
        var before = await CountAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await Api.PostAsync("/api/stations", content, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Unknown_station_is_404_problem()
    {
        var response = await Api.GetAsync("/api/stations/NOPE-404", Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(response, HttpStatusCode.NotFound, "NOPE-404");
    }

    [Fact]
    public async Task List_filters_by_site_and_pages_only_when_asked()
    {
        var all = await Api.GetFromJsonAsync<JsonElement>("/api/stations", Ct);
        all.GetArrayLength().ShouldBeGreaterThanOrEqualTo(10);

        var page = await Api.GetFromJsonAsync<JsonElement>("/api/stations?skip=2&take=3", Ct);
        page.GetArrayLength().ShouldBe(3);
        page[0].GetProperty("id").GetString().ShouldBe(all[2].GetProperty("id").GetString());

        var siteId = all[0].GetProperty("siteId").GetInt32();
        var site = await Api.GetFromJsonAsync<JsonElement>($"/api/stations?siteId={siteId}", Ct);
        site.EnumerateArray().ShouldAllBe(s => s.GetProperty("siteId").GetInt32() == siteId);
        site.GetArrayLength().ShouldBeLessThan(all.GetArrayLength());
    }

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Stations.CountAsync(Ct);
    }
}
