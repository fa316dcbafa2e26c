using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Realtime;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using ChargePortal.Web.Transactions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Live;

public sealed class LiveHubTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private const string OwnerEmail = "owner@chargeportal.local";
    private const string DriverEmail = "driver@chargeportal.local";
    private const string OperatorEmail = "operator@chargeportal.local";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Operator_with_an_api_key_joins_a_station_and_receives_its_status_change()
    {
        await using var hub = await ConnectWithApiKeyAsync(ChargePortalFactory.DevelopmentApiKey);
        var statuses = Channel.CreateUnbounded<ConnectorStatusChanged>();
        hub.On<ConnectorStatusChanged>(nameof(ILiveClient.ConnectorStatusChanged), e => statuses.Writer.TryWrite(e));
        await hub.InvokeAsync(nameof(LiveHub.JoinStation), "AMS-CS-02", TestContext.Current.CancellationToken);

        await using var station = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-CS-02", OcppTestData.V16);
        await station.CallOkAsync("BootNotification", OcppTestData.Boot16());
        await station.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Charging" });

        var e = await NextAsync(statuses, s => s.StationId == "AMS-CS-02" && s.Status == Kernel.ConnectorStatus.Charging);
        e.ConnectorId.ShouldBe(1);
    }

    [Fact]
    public async Task Operator_joins_site_and_all_groups_but_an_unknown_station_is_refused()
    {
        await using var hub = await ConnectSignedInAsync(OperatorEmail);
        var siteId = await SiteIdAsync("Westerpark");
        await hub.InvokeAsync(nameof(LiveHub.JoinSite), siteId, TestContext.Current.CancellationToken);
        await hub.InvokeAsync(nameof(LiveHub.JoinAll), TestContext.Current.CancellationToken);

        var error = await Should.ThrowAsync<HubException>(() => hub.InvokeAsync(nameof(LiveHub.JoinStation), "NO-SUCH-STATION", TestContext.Current.CancellationToken));
        error.Message.ShouldContain("There is no station 'NO-SUCH-STATION'");
    }

    [Fact]
    public async Task Site_owner_follows_own_site_but_not_another_owners_site_or_station()
    {
        await using var hub = await ConnectSignedInAsync(OwnerEmail);
        var own = await SiteIdAsync("Centraal");
        var other = await SiteIdAsync("Westerpark");
        var received = Channel.CreateUnbounded<ConnectorStatusChanged>();
        hub.On<ConnectorStatusChanged>(nameof(ILiveClient.ConnectorStatusChanged), e => received.Writer.TryWrite(e));

        await hub.InvokeAsync(nameof(LiveHub.JoinSite), own, TestContext.Current.CancellationToken);
        await hub.InvokeAsync(nameof(LiveHub.JoinStation), "AMS-CS-03", TestContext.Current.CancellationToken);

        var siteError = await Should.ThrowAsync<HubException>(() => hub.InvokeAsync(nameof(LiveHub.JoinSite), other, TestContext.Current.CancellationToken));
        siteError.Message.ShouldContain($"You may not follow site {other}");
        var stationError = await Should.ThrowAsync<HubException>(() => hub.InvokeAsync(nameof(LiveHub.JoinStation), "AMS-WP-01", TestContext.Current.CancellationToken));
        stationError.Message.ShouldContain("You may not follow station 'AMS-WP-01'");
        await Should.ThrowAsync<HubException>(() => hub.InvokeAsync(nameof(LiveHub.JoinAll), TestContext.Current.CancellationToken));

        // The refused joins joined nothing: a Westerpark event does not arrive, a Centraal one does.
        await using (var foreign = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-WP-01", OcppTestData.V16))
        {
            await foreign.CallOkAsync("BootNotification", OcppTestData.Boot16());
            await foreign.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Preparing" });
        }

        await using var mine = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-CS-03", OcppTestData.V16);
        await mine.CallOkAsync("BootNotification", OcppTestData.Boot16());
        await mine.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Preparing" });
        // Events reach the hub in the order stations sent them, so the first one this owner sees must be their own.
        var e = await NextAsync(received, _ => true);
        e.StationId.ShouldBe("AMS-CS-03");
        e.Status.ShouldBe(Kernel.ConnectorStatus.Preparing);
    }

    [Fact]
    public async Task Driver_cannot_follow_stations_or_sites_and_follows_only_own_sessions()
    {
        await using var hub = await ConnectSignedInAsync(DriverEmail);
        await Should.ThrowAsync<HubException>(() => hub.InvokeAsync(nameof(LiveHub.JoinStation), "AMS-CS-01", TestContext.Current.CancellationToken));
        await Should.ThrowAsync<HubException>(() => hub.InvokeAsync(nameof(LiveHub.JoinSite), 1, TestContext.Current.CancellationToken));
        await Should.ThrowAsync<HubException>(() => hub.InvokeAsync(nameof(LiveHub.JoinAll), TestContext.Current.CancellationToken));

        var (driverId, otherId) = await SeedSessionsAsync();
        await hub.InvokeAsync(nameof(LiveHub.JoinSession), "AMS-ZA-01", driverId, TestContext.Current.CancellationToken);
        var error = await Should.ThrowAsync<HubException>(() => hub.InvokeAsync(nameof(LiveHub.JoinSession), "AMS-ZA-01", otherId, TestContext.Current.CancellationToken));
        error.Message.ShouldContain($"You may not follow session {otherId}");
        await Should.ThrowAsync<HubException>(() => hub.InvokeAsync(nameof(LiveHub.JoinSession), "AMS-ZA-01", "", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Unauthenticated_connections_and_bad_api_keys_are_refused()
    {
        var anonymous = new HubConnectionBuilder().WithUrl(new Uri(factory.BaseUri, LiveHub.Path.TrimStart('/'))).Build();
        await using (anonymous)
        {
            var error = await Should.ThrowAsync<HttpRequestException>(() => anonymous.StartAsync(TestContext.Current.CancellationToken));
            error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var badKey = new HubConnectionBuilder().WithUrl(new Uri(factory.BaseUri, LiveHub.Path.TrimStart('/')), o => o.AccessTokenProvider = () => Task.FromResult<string?>("cpk_not-a-key")).Build();
        await using (badKey)
        {
            var error = await Should.ThrowAsync<HttpRequestException>(() => badKey.StartAsync(TestContext.Current.CancellationToken));
            error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Api_key_in_the_query_string_works_for_the_hub_only()
    {
        using var http = new HttpClient { BaseAddress = factory.BaseUri };
        using var negotiate = await http.PostAsync($"hubs/live/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(ChargePortalFactory.DevelopmentApiKey)}", null, TestContext.Current.CancellationToken);
        negotiate.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var api = await http.GetAsync($"api/stations?access_token={Uri.EscapeDataString(ChargePortalFactory.DevelopmentApiKey)}", TestContext.Current.CancellationToken);
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<HubConnection> ConnectWithApiKeyAsync(string key)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.BaseUri, LiveHub.Path.TrimStart('/')), o => o.AccessTokenProvider = () => Task.FromResult<string?>(key))
            .Build();
        await hub.StartAsync(TestContext.Current.CancellationToken);
        return hub;
    }

    private async Task<HubConnection> ConnectSignedInAsync(string email)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = factory.BaseUri };
        using var signIn = await browser.SignInAsync(email, ChargePortalFactory.DemoPassword);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var hub = new HubConnectionBuilder().WithUrl(new Uri(factory.BaseUri, LiveHub.Path.TrimStart('/')), o => o.Cookies = cookies).Build();
        await hub.StartAsync(TestContext.Current.CancellationToken);
        return hub;
    }

    private async Task<int> SiteIdAsync(string nameContains)
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Sites.Where(s => s.Name.Contains(nameContains)).Select(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>One session of the demo driver and one of somebody else, both at AMS-ZA-01.</summary>
    private async Task<(string Driver, string Other)> SeedSessionsAsync()
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var driverId = await db.Users.Where(u => u.Email == DriverEmail).Select(u => u.Id).FirstAsync(TestContext.Current.CancellationToken);
        var ownerId = await db.Users.Where(u => u.Email == OwnerEmail).Select(u => u.Id).FirstAsync(TestContext.Current.CancellationToken);
        var now = DateTimeOffset.UtcNow;
        db.Transactions.Add(new ChargingTransaction { StationId = "AMS-ZA-01", EvseId = 1, ConnectorId = 1, OcppTransactionId = "9001", UserId = driverId, StartedAt = now, Status = TransactionStatus.Completed, StoppedAt = now });
        db.Transactions.Add(new ChargingTransaction { StationId = "AMS-ZA-01", EvseId = 2, ConnectorId = 2, OcppTransactionId = "9002", UserId = ownerId, StartedAt = now, Status = TransactionStatus.Completed, StoppedAt = now });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return ("9001", "9002");
    }

    private static async Task<T> NextAsync<T>(Channel<T> channel, Func<T, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Wait);
        while (true)
        {
            var item = await channel.Reader.ReadAsync(timeout.Token);
            if (match(item))
            {
                return item;
            }
        }
    }
}
