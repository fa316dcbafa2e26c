using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ChargePortal.Web.LoadManagement;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.OperatorTools;

/// <summary>
/// The site load balancer shares the site's limit among sessions that can really draw power: a 2.0.1 transaction
/// without an EVSE yet is left out (no TxProfile could address it), and of sessions recorded open on one connector
/// (their end lost with the station's power) only the newest counts. Demo site "Centraal Station P+R": 300 kW.
/// </summary>
public sealed class SiteLoadBalancerSessionTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_sessions_really_open_get_a_share()
    {
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-CS-01", V201);
        await cp.CallOkAsync("BootNotification", Boot201());
        var noEvse = new JsonObject
        {
            ["eventType"] = "Started",
            ["timestamp"] = Iso(DateTimeOffset.UtcNow),
            ["triggerReason"] = "Authorized",
            ["seqNo"] = 0,
            ["transactionInfo"] = new JsonObject { ["transactionId"] = "tx-no-evse" },
            ["idToken"] = new JsonObject { ["idToken"] = "DEMO-DRIVER-CARD", ["type"] = "ISO14443" },
        };
        await cp.CallOkAsync("TransactionEvent", noEvse);

        int siteId;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            siteId = (await db.Stations.SingleAsync(s => s.Id == "AMS-CS-02", Ct)).SiteId!.Value;
            var now = DateTimeOffset.UtcNow;
            db.Transactions.AddRange(
                new ChargingTransaction { StationId = "AMS-CS-02", EvseId = 1, ConnectorId = 1, OcppTransactionId = "501", StartedAt = now.AddDays(-3) },
                new ChargingTransaction { StationId = "AMS-CS-02", EvseId = 1, ConnectorId = 1, OcppTransactionId = "502", StartedAt = now.AddMinutes(-5) });
            await db.SaveChangesAsync(Ct);
        }

        var sent = await factory.Services.GetRequiredService<SiteLoadBalancer>().RebalanceAsync(siteId, Ct);
        sent.Select(s => (s.StationId, s.TransactionId)).ShouldBe([("AMS-CS-02", "502")]);
        sent.Single().LimitW.ShouldBe(150_000, "the connector's own maximum, well inside the site's 300 kW");
    }
}
