using ChargePortal.Web.Hosting;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Cluster;

/// <summary>
/// The parts that differ between one node and a cluster are registered once, by the scale-out seam (AddCluster): no
/// feature registers its own copy for the seam to replace, so where AddCluster stands in Program.cs does not matter.
/// </summary>
public sealed class ScaleOutSeamTests
{
    private static readonly Type[] Swappable =
    [
        typeof(IStationEventPublisher), typeof(IStationEventStream), typeof(ILocalStationEventStream),
        typeof(IStationConnectionRegistry), typeof(IStationCallRouter), typeof(IStationOwnership), typeof(IClusterSingletonGate),
    ];

    [Fact]
    public async Task Each_swappable_part_is_registered_exactly_once()
    {
        List<ServiceDescriptor> registered = [];
        await using var host = new ChargePortalFactory();
        await using var factory = host.WithWebHostBuilder(b => b.ConfigureTestServices(services => registered = [.. services]));
        _ = factory.Services;

        foreach (var type in Swappable)
        {
            registered.Count(d => d.ServiceType == type).ShouldBe(1, $"{type.Name} is registered more than once (or not at all)");
        }
    }
}
