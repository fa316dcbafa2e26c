using ChargePortal.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Web.Tests.Operations;

/// <summary>The host's logger factory: one logger per category, still writing through Serilog's pipeline.</summary>
public sealed class LoggerFactoryTests(ProductionChargePortalFactory factory) : IClassFixture<ProductionChargePortalFactory>
{
    [Fact]
    public void A_category_asked_for_twice_is_one_logger_and_its_events_reach_the_sinks_with_their_source()
    {
        var loggers = factory.Services.GetRequiredService<ILoggerFactory>();

        var first = loggers.CreateLogger("ChargePortal.Tests.Category");
        var second = loggers.CreateLogger("ChargePortal.Tests.Category");
        var other = loggers.CreateLogger("ChargePortal.Tests.Other");

        second.ShouldBeSameAs(first);
        other.ShouldNotBeSameAs(first);
        first.LogWarning("Cached logger line {Marker}", "m-7f3a");
        var line = factory.Logs.Text.Split('\n').Where(l => l.Contains("Cached logger line \"m-7f3a\"", StringComparison.Ordinal)).ShouldHaveSingleItem();
        line.ShouldContain("SourceContext=\"ChargePortal.Tests.Category\"");
    }
}
