using System.ComponentModel.DataAnnotations;
using ChargePortal.Web.Hosting;

namespace ChargePortal.Web.Demo;

/// <summary>The Development demo network (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>How many of the seeded stations connect as simulated charge points (0: none).</summary>
    [Range(0, 1000)]
    public int SimulatedStations { get; set; }
}

public static class DemoSetup
{
    /// <summary>Simulated charge points for the seeded stations when <c>Demo:SimulatedStations</c> &gt; 0.</summary>
    public static IServiceCollection AddDemoStations(this IServiceCollection services)
    {
        services.AddValidatedOptions<DemoOptions>(DemoOptions.Section);
        services.AddHostedService<DemoStations>();
        return services;
    }
}
