using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Foundation;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Operations;

/// <summary>Every list endpoint pages by ?skip=&amp;take= (take at most 1,000, the first 1,000 without it) and sends X-Total-Count.</summary>
public sealed class ApiPagingTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Api => factory.CreateApiClient(ChargePortalFactory.DevelopmentApiKey);

    [Fact]
    public async Task Stations_send_the_total_of_the_filtered_list_and_page_by_skip_and_take()
    {
        await using var db = await DbAsync();
        var count = await db.Stations.CountAsync(Ct);

        var all = await Api.GetAsync("/api/stations", Ct);
        all.StatusCode.ShouldBe(HttpStatusCode.OK);
        Total(all).ShouldBe(count);
        var allIds = (await all.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        allIds.Count.ShouldBe(count);

        var page = await Api.GetAsync("/api/stations?skip=2&take=3", Ct);
        Total(page).ShouldBe(count);
        (await page.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().Select(s => s.GetProperty("id").GetString())
            .ShouldBe(allIds.Skip(2).Take(3));

        var siteId = await db.Stations.Where(s => s.SiteId != null).Select(s => s.SiteId!.Value).FirstAsync(Ct);
        var site = await Api.GetAsync($"/api/stations?siteId={siteId}&take=1", Ct);
        Total(site).ShouldBe(await db.Stations.CountAsync(s => s.SiteId == siteId, Ct));
        (await site.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Tokens_without_paging_are_the_first_thousand_and_the_rest_follow_with_skip()
    {
        await using (var db = await DbAsync())
        {
            if (!await db.IdTokens.AnyAsync(t => t.IdTag.StartsWith("PAGE-"), Ct))
            {
                db.IdTokens.AddRange(Enumerable.Range(0, 1_005).Select(i => new IdToken { IdTag = $"PAGE-{i:0000}", CreatedAt = DateTimeOffset.UtcNow }));
                await db.SaveChangesAsync(Ct);
            }
        }

        int total;
        await using (var db = await DbAsync())
        {
            total = await db.IdTokens.CountAsync(Ct);
        }

        var first = await Api.GetAsync("/api/tokens", Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        Total(first).ShouldBe(total);
        var firstTags = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().Select(t => t.GetProperty("idTag").GetString()).ToList();
        firstTags.Count.ShouldBe(1_000);

        var rest = await Api.GetAsync("/api/tokens?skip=1000&take=1000", Ct);
        var restTags = (await rest.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().Select(t => t.GetProperty("idTag").GetString()).ToList();
        restTags.Count.ShouldBe(total - 1_000);
        firstTags.Intersect(restTags).ShouldBeEmpty();
    }

    [Fact]
    public async Task Transactions_send_the_total_and_take_limits_the_page()
    {
        var response = await Api.GetAsync("/api/transactions?take=1", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = await DbAsync();
        Total(response).ShouldBe(await db.Transactions.CountAsync(Ct));
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetArrayLength().ShouldBe(Math.Min(1, Total(response)));
    }

    [Theory]
    [InlineData("/api/stations", "take=0", "'take'")]
    [InlineData("/api/stations", "take=1001", "'take'")]
    [InlineData("/api/stations", "take=ten", "'take'")]
    [InlineData("/api/stations", "skip=-1", "'skip'")]
    [InlineData("/api/tokens", "take=5000", "'take'")]
    [InlineData("/api/tokens", "skip=1.5", "'skip'")]
    [InlineData("/api/transactions", "take=-3", "'take'")]
    [InlineData("/api/transactions", "skip=abc&take=10", "'skip'")]
    public async Task Nonsense_paging_is_a_400_problem_naming_the_parameter(string path, string query, string named)
    {
        var response = await Api.GetAsync($"{path}?{query}", Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, named);
        response.Headers.Contains("X-Total-Count").ShouldBeFalse();
    }

    private static int Total(HttpResponseMessage response) => int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<AppDbContext> DbAsync()
    {
        _ = factory.Server;
        return await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
    }
}
