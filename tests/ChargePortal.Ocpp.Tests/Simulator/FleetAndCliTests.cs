using ChargePortal.Simulator;
using ChargePortal.Simulator.Cli;

namespace ChargePortal.Ocpp.Tests.Simulator;

public sealed class FleetAndCliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fleet_starts_every_station_with_prefixed_ids_and_each_boots()
    {
        var time = new ManualTimeProvider();
        await using var csms = new InMemoryCsms(time);
        await using var fleet = new SimulatorFleet(
            new SimulatorFleetOptions { CsmsUrl = new Uri("ws://csms.test/ocpp"), Count = 5, IdPrefix = "LOAD-", NumberWidth = 2, MaxConcurrentConnects = 2, Version = OcppVersion.V201 },
            csms.Transport,
            time);

        await fleet.StartAsync(Ct).WaitAsync(TimeSpan.FromSeconds(15), Ct);

        fleet.Stations.Select(s => s.Id).ShouldBe(["LOAD-01", "LOAD-02", "LOAD-03", "LOAD-04", "LOAD-05"]);
        fleet.Stations.ShouldAllBe(s => s.ConnectionState == ChargePointConnectionState.Ready);
        csms.Connections.ShouldBe(5);
        csms.CallsOf("BootNotification").Count.ShouldBe(5);
    }

    [Fact]
    public async Task Fleet_auto_sessions_start_sessions_on_their_own()
    {
        var time = new ManualTimeProvider();
        await using var csms = new InMemoryCsms(time);
        await using var fleet = new SimulatorFleet(
            new SimulatorFleetOptions
            {
                CsmsUrl = new Uri("ws://csms.test/ocpp"),
                Count = 2,
                AutoSessions = true,
                AutoSessionIdleMin = TimeSpan.FromSeconds(10),
                AutoSessionIdleMax = TimeSpan.FromSeconds(20),
                RandomSeed = 1,
                Template = new SimulatedChargePointOptions { Id = "t", CsmsUrl = new Uri("ws://csms.test/ocpp"), CallTimeout = TimeSpan.FromDays(1) },
            },
            csms.Transport,
            time);
        await fleet.StartAsync(Ct).WaitAsync(TimeSpan.FromSeconds(15), Ct);

        await csms.WaitForAsync("StartTransaction", step: TimeSpan.FromSeconds(5));
        csms.CallsOf("Authorize").ShouldNotBeEmpty();
    }

    [Fact]
    public void Cli_parses_a_full_command_line()
    {
        var args = CliArguments.Parse(["--url", "ws://localhost:5000/ocpp", "--id", "SIM-007", "--version", "2.0.1", "--count", "3", "--password", "pw", "--auto-sessions", "--speed", "60", "--id-tags", "A, B"]);

        var options = args.ToFleetOptions();
        options.CsmsUrl.ShouldBe(new Uri("ws://localhost:5000/ocpp"));
        options.Version.ShouldBe(OcppVersion.V201);
        options.Password.ShouldBe("pw");
        options.AutoSessions.ShouldBeTrue();
        options.AutoSessionIdTags.ShouldBe(["A", "B"]);
        options.Template!.SpeedFactor.ShouldBe(60);
        Enumerable.Range(options.FirstNumber, options.Count).Select(n => SimulatorFleet.StationId(options.IdPrefix, n, options.NumberWidth))
            .ShouldBe(["SIM-007", "SIM-008", "SIM-009"]);
        CliArguments.Parse(["--url", "ws://h/ocpp", "--id", "MY-STATION"]).ToFleetOptions().Ids.ShouldBe(["MY-STATION"]);
    }

    [Theory]
    [InlineData(new[] { "--id", "X" }, "--url is required")]
    [InlineData(new[] { "--url", "http://h/ocpp" }, "ws://")]
    [InlineData(new[] { "--url", "ws://h/ocpp", "--version", "1.5" }, "1.6 or 2.0.1")]
    [InlineData(new[] { "--url", "ws://h/ocpp", "--count", "0" }, "--count")]
    [InlineData(new[] { "--url", "ws://h/ocpp", "--password" }, "needs a value")]
    [InlineData(new[] { "--url", "ws://h/ocpp", "--bogus" }, "unknown argument")]
    public void Cli_reports_clear_usage_errors(string[] args, string message)
        => Should.Throw<FormatException>(() => CliArguments.Parse(args)).Message.ShouldContain(message);
}
