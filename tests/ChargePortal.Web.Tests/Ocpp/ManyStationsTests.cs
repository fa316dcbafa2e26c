using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.Ocpp;

public sealed class ManyStationsTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    [Fact]
    public async Task Two_hundred_stations_connect_boot_and_heartbeat_at_once()
    {
        const int count = 200;
        var clients = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            RawOcppClient.ConnectAsync(factory.OcppUri, $"MANY-{i:D3}", i % 2 == 0 ? OcppTestData.V16 : OcppTestData.V201)));
        try
        {
            var boots = await Task.WhenAll(clients.Select((c, i) => c.CallOkAsync("BootNotification", i % 2 == 0 ? OcppTestData.Boot16() : OcppTestData.Boot201())));
            boots.ShouldAllBe(b => b["status"]!.GetValue<string>() == "Accepted");
            var beats = await Task.WhenAll(clients.Select(c => c.CallOkAsync("Heartbeat", new JsonObject())));
            beats.ShouldAllBe(b => b.ContainsKey("currentTime"));
            factory.Services.GetRequiredService<IStationConnectionRegistry>().StationIds.Count(id => id.StartsWith("MANY-", StringComparison.Ordinal)).ShouldBe(count);
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }
}
