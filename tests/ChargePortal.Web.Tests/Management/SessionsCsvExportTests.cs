using System.Net;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;

namespace ChargePortal.Web.Tests.Management;

public sealed class SessionsCsvExportTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = factory.CreateBrowserLikeClient();
        (await client.SignInAsync(email, ChargePortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [Fact]
    public async Task Operator_export_has_a_header_invariant_numbers_utc_times_and_escaped_fields()
    {
        await factory.AddCompletedSessionAsync("AMS-CS-01", "csv-1", "TAG,\"quoted\"", Start, TimeSpan.FromMinutes(90), 12_345, 4.5m, "EUR", "=HYPERLINK(\"x\")");
        var client = await SignedInAsync(DemoSeeder.OperatorEmail);

        var response = await client.GetAsync("/portal/sessions.csv?idTag=" + Uri.EscapeDataString("TAG,\"quoted\""), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldBe(SessionsCsv.Header);
        lines.Length.ShouldBe(2);
        lines[1].ShouldEndWith(",\"TAG,\"\"quoted\"\"\",2026-03-14T09:26:53Z,2026-03-14T10:56:53Z,5400,12.345,4.50,EUR,Completed,\"'=HYPERLINK(\"\"x\"\")\",2026-03-14T10:26:53+01:00");
        lines[1].ShouldContain(",csv-1,AMS-CS-01,Centraal Station P+R");
    }

    [Fact]
    public async Task Site_owner_export_contains_only_their_sites_even_when_asking_for_another_station()
    {
        await factory.AddCompletedSessionAsync("AMS-ZA-01", "own-1", "SCOPE-TAG", Start, TimeSpan.FromMinutes(30), 5_000, 2m, "EUR");
        await factory.AddCompletedSessionAsync("AMS-WP-01", "foreign-1", "SCOPE-TAG", Start, TimeSpan.FromMinutes(30), 7_000, 3m, "EUR");
        var owner = await SignedInAsync(DemoSeeder.OwnerEmail);

        var own = await owner.GetStringAsync("/portal/sessions.csv?idTag=SCOPE-TAG", Ct);
        own.ShouldContain("own-1");
        own.ShouldNotContain("foreign-1");
        own.ShouldNotContain("AMS-WP-01");

        var foreign = await owner.GetStringAsync("/portal/sessions.csv?stationId=AMS-WP-01", Ct);
        foreign.Trim().ShouldBe(SessionsCsv.Header);

        var op = await SignedInAsync(DemoSeeder.OperatorEmail);
        var all = await op.GetStringAsync("/portal/sessions.csv?idTag=SCOPE-TAG", Ct);
        all.ShouldContain("own-1");
        all.ShouldContain("foreign-1");
    }

    [Fact]
    public async Task Filters_by_date_range_with_an_exclusive_end()
    {
        await factory.AddCompletedSessionAsync("AMS-CS-02", "range-in", "RANGE-TAG", Start, TimeSpan.FromMinutes(10), 1_000, null, null);
        await factory.AddCompletedSessionAsync("AMS-CS-02", "range-out", "RANGE-TAG", Start.AddDays(2), TimeSpan.FromMinutes(10), 1_000, null, null);
        var op = await SignedInAsync(DemoSeeder.OperatorEmail);

        var csv = await op.GetStringAsync("/portal/sessions.csv?idTag=RANGE-TAG&from=2026-03-14T00:00:00Z&to=2026-03-15T00:00:00Z&status=Completed", Ct);
        csv.ShouldContain("range-in");
        csv.ShouldNotContain("range-out");
        csv.ShouldContain("range-in,AMS-CS-02,Centraal Station P+R,1,1,RANGE-TAG,2026-03-14T09:26:53Z,2026-03-14T09:36:53Z,600,1.000,,,Completed");
    }

    [Theory]
    [InlineData("from=yesterday", "Bad date")]
    [InlineData("from=2026-03-15T00:00:00Z&to=2026-03-14T00:00:00Z", "Bad range")]
    [InlineData("status=Paused", "Bad status")]
    public async Task Bad_filters_are_refused_with_a_clear_error(string query, string title)
    {
        var op = await SignedInAsync(DemoSeeder.OperatorEmail);
        var response = await op.GetAsync("/portal/sessions.csv?" + query, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(title);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("@cmd", "'@cmd")]
    public void Escape_quotes_only_where_needed_and_defuses_formulas(string? value, string expected) =>
        SessionsCsv.Escape(value).ShouldBe(expected);
}
