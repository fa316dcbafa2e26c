using Bunit;
using ChargePortal.Web.Drivers.Sessions;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Transactions;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Components;

public sealed class LiveSessionViewTests : BunitContext
{
    private static readonly DateTimeOffset Start = new(2026, 3, 11, 11, 0, 0, TimeSpan.Zero);
    private static readonly Tariff Demo = new() { Name = "demo", PricePerKwh = 0.39m, PricePerMinute = 0.10m, PricePerMinuteAfterMinutes = 120, IdleFeePerMinute = 0.25m, IdleGraceMinutes = 15, VatPercent = 21m };

    public LiveSessionViewTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static SessionCost Active(long wh, double minutes)
    {
        var tx = new ChargingTransaction { Id = 7, StationId = "AMS-CS-01", OcppTransactionId = "7", ConnectorId = 2, StartedAt = Start, EnergyWh = wh };
        var now = Start.AddMinutes(minutes);
        var cost = CostCalculator.Calculate(Demo, new SessionTimeline(Start, now, wh, [], now), TimeZoneInfo.Utc);
        return new SessionCost(tx, Demo, cost, TimeZoneInfo.Utc, now);
    }

    [Fact]
    public void Shows_power_energy_elapsed_and_cost_so_far_and_the_cost_rises_with_new_samples()
    {
        var view = Render<LiveSessionView>(p => p.Add(v => v.Session, Active(5_000, 30)).Add(v => v.PowerW, 11_000m));
        view.Find("[data-testid=session-state]").TextContent.ShouldBe("Charging");
        view.Find("[data-testid=session-power]").TextContent.ShouldBe("11.0 kW");
        view.Find("[data-testid=session-energy]").TextContent.ShouldBe("5.000 kWh");
        view.Find("[data-testid=session-elapsed]").TextContent.ShouldBe("30 min 00 s");
        view.Find("[data-testid=session-cost]").TextContent.ShouldBe("€1.95");
        view.Find("[data-testid=session-tariff]").TextContent.ShouldBe("€0.39/kWh + €0.10/min after 2 h + €0.25/min idle after 15 min");

        // 2 h 10 min in: 20 kWh (7.80) + 10 minutes of time fee (1.00).
        view.Render(p => p.Add(v => v.Session, Active(20_000, 130)));
        view.Find("[data-testid=session-cost]").TextContent.ShouldBe("€8.80");
        view.Find("[data-testid=session-elapsed]").TextContent.ShouldBe("2 h 10 min");
    }

    [Fact]
    public void A_completed_session_shows_the_stored_total_and_no_power()
    {
        var session = Active(10_000, 40);
        session.Transaction.Status = TransactionStatus.Completed;
        session.Transaction.StoppedAt = Start.AddMinutes(40);
        session.Transaction.Cost = 3.90m;
        session.Transaction.Currency = "EUR";
        var view = Render<LiveSessionView>(p => p.Add(v => v.Session, session).Add(v => v.PowerW, 7_000m).Add(v => v.TestMode, true));
        view.Find("[data-testid=session-state]").TextContent.ShouldBe("Completed");
        view.Find("[data-testid=session-power]").TextContent.ShouldBe("—");
        view.Find("[data-testid=session-cost]").TextContent.ShouldBe("€3.90");
        view.Find("[data-testid=test-mode]").TextContent.ShouldContain("no real charge");
    }

    [Fact]
    public void Without_a_tariff_it_says_so()
    {
        var session = Active(1_000, 5) with { Tariff = null, Cost = null };
        var view = Render<LiveSessionView>(p => p.Add(v => v.Session, session));
        view.Find("[data-testid=session-cost]").TextContent.ShouldBe("No tariff");
        view.FindAll("[data-testid=session-tariff]").ShouldBeEmpty();
    }
}
