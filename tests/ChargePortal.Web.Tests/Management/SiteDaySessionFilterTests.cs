using System.Net;
using ChargePortal.Web.Data;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Tests.Management;

/// <summary>
/// Picked dates on the sessions page and in the CSV are each site's own calendar days: a session just after midnight
/// in Amsterdam is on the next day there although it is still the previous day in UTC, and New York is behind UTC.
/// </summary>
public sealed class SiteDaySessionFilterTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private const string Tag = "DAYS-TAG";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_day_is_read_in_each_sessions_site_time_zone()
    {
        await ArrangeAsync();
        var op = await SignedInAsync(DemoSeeder.OperatorEmail);

        var csv = await op.GetStringAsync($"/portal/sessions.csv?idTag={Tag}&fromDate=2026-03-15&toDate=2026-03-15", Ct);

        Sessions(csv).ShouldBe(["ams-in", "nosite-in", "ny-in"], ignoreOrder: true);
        Line(csv, "ams-in").ShouldContain(",2026-03-14T23:30:00Z,");
        Line(csv, "ams-in").ShouldEndWith(",2026-03-15T00:30:00+01:00");
        Line(csv, "ny-in").ShouldEndWith(",2026-03-15T22:00:00-04:00");
        Line(csv, "nosite-in").ShouldEndWith(",2026-03-15T00:10:00+00:00");
    }

    [Fact]
    public async Task The_last_picked_day_is_included_and_an_open_start_takes_everything_before()
    {
        await ArrangeAsync();
        var op = await SignedInAsync(DemoSeeder.OperatorEmail);

        var csv = await op.GetStringAsync($"/portal/sessions.csv?idTag={Tag}&toDate=2026-03-14", Ct);

        Sessions(csv).ShouldBe(["ams-before", "nosite-before", "ny-before"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_site_owner_picking_days_still_sees_only_their_sites()
    {
        await ArrangeAsync();
        var owner = await SignedInAsync(DemoSeeder.OwnerEmail);

        var csv = await owner.GetStringAsync($"/portal/sessions.csv?idTag={Tag}&fromDate=2026-03-01&toDate=2026-03-31", Ct);

        // The demo owner's sites include Centraal (AMS-CS-*), not the New York site nor stations without a site.
        Sessions(csv).ShouldBe(["ams-before", "ams-in"], ignoreOrder: true);
    }

    [Fact]
    public void The_page_link_carries_the_picked_days()
    {
        var link = SessionsExport.LinkFor(new SessionFilter(IdTag: Tag, FromDay: new DateOnly(2026, 3, 15), ToDay: new DateOnly(2026, 3, 16)));

        link.ShouldBe($"/portal/sessions.csv?idTag={Tag}&fromDate=2026-03-15&toDate=2026-03-16");
    }

    [Theory]
    [InlineData("fromDate=15-03-2026", "Bad date")]
    [InlineData("toDate=2026-02-30", "Bad date")]
    [InlineData("fromDate=2026-03-16&toDate=2026-03-15", "Bad range")]
    public async Task Nonsense_days_are_refused_with_a_clear_error(string query, string title)
    {
        var op = await SignedInAsync(DemoSeeder.OperatorEmail);

        var response = await op.GetAsync("/portal/sessions.csv?" + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(title);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = factory.CreateBrowserLikeClient();
        (await client.SignInAsync(email, ChargePortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static string[] Sessions(string csv) =>
        [.. csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[1])];

    private static string Line(string csv, string ocppId) =>
        csv.Split("\r\n").Single(line => line.Split(',') is [_, var id, ..] && id == ocppId);

    /// <summary>Once per fixture: the tests of a class run one after another and share its database.</summary>
    private async Task ArrangeAsync()
    {
        await using (var db = await factory.Db().CreateDbContextAsync(Ct))
        {
            if (await db.Stations.AnyAsync(s => s.Id == "NYC-01", Ct))
            {
                return;
            }

            var newYork = new Site { Name = "Times Square garage", TimeZoneId = "America/New_York" };
            db.Sites.Add(newYork);
            db.Stations.Add(new Station { Id = "NYC-01", Name = "NYC-01", Site = newYork, CreatedAt = DateTimeOffset.UnixEpoch });
            db.Stations.Add(new Station { Id = "LOOSE-01", Name = "LOOSE-01", CreatedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync(Ct);
        }

        // Amsterdam is UTC+1 in March; New York is UTC-4 (summer time from 8 March 2026); no site means UTC.
        await AddAsync("AMS-CS-03", "ams-before", new(2026, 3, 14, 22, 30, 0, TimeSpan.Zero));
        await AddAsync("AMS-CS-03", "ams-in", new(2026, 3, 14, 23, 30, 0, TimeSpan.Zero));
        await AddAsync("NYC-01", "ny-before", new(2026, 3, 15, 3, 30, 0, TimeSpan.Zero));
        await AddAsync("NYC-01", "ny-in", new(2026, 3, 16, 2, 0, 0, TimeSpan.Zero));
        await AddAsync("LOOSE-01", "nosite-before", new(2026, 3, 14, 23, 50, 0, TimeSpan.Zero));
        await AddAsync("LOOSE-01", "nosite-in", new(2026, 3, 15, 0, 10, 0, TimeSpan.Zero));
    }

    private Task<long> AddAsync(string station, string ocppId, DateTimeOffset startedAt) =>
        factory.AddCompletedSessionAsync(station, ocppId, Tag, startedAt, TimeSpan.FromMinutes(20), 2_000, null, null);
}
