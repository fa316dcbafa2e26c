using System.Globalization;
using System.Text.Json;
using ChargePortal.Simulator;

namespace ChargePortal.Ocpp.Tests.Simulator;

/// <summary>A simulated station wired to an <see cref="InMemoryCsms"/> over a manual clock. Nothing here waits on wall-clock time except bounded polling.</summary>
public abstract class SimulatorTestBase : IAsyncDisposable
{
    private SimulatedChargePoint? _station;

    protected SimulatorTestBase()
    {
        Csms = new InMemoryCsms(Time);
    }

    protected ManualTimeProvider Time { get; } = new();

    protected InMemoryCsms Csms { get; }

    protected SimulatedChargePoint Station => _station ?? throw new InvalidOperationException("Call StartStationAsync first.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static OcppVersion Parse(string version) => version == "1.6" ? OcppVersion.V16 : OcppVersion.V201;

    /// <summary>Starts the station and waits for its boot and the status notifications that follow.</summary>
    protected async Task<SimulatedChargePoint> StartStationAsync(OcppVersion version, Func<SimulatedChargePointOptions, SimulatedChargePointOptions>? configure = null, bool waitForBoot = true, HttpClient? http = null)
    {
        var options = new SimulatedChargePointOptions
        {
            Id = "SIM-T1",
            Version = version,
            CsmsUrl = new Uri("ws://csms.test/ocpp"),
            Connectors = [new(SimulatedConnectorType.Type2, 22_000), new(SimulatedConnectorType.Ccs2, 50_000)],
            CallTimeout = TimeSpan.FromDays(1),
            RandomSeed = 7,
        };
        _station = new SimulatedChargePoint(configure?.Invoke(options) ?? options, Csms.Transport, Time, httpClient: http);
        await _station.StartAsync(Ct);
        if (waitForBoot)
        {
            await _station.WaitUntilReadyAsync(Ct).WaitAsync(TimeSpan.FromSeconds(15), Ct);
            var expectedStatuses = version == OcppVersion.V16 ? 3 : 2;
            await WaitUntilAsync(() => Csms.CallsOf("StatusNotification").Count >= expectedStatuses);
        }

        return _station;
    }

    protected static async Task WaitUntilAsync(Func<bool> condition, string? because = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met: {because}");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>The numeric value of the first sampled value with <paramref name="measurand"/> in a 1.6 MeterValues / 2.0.1 TransactionEvent payload.</summary>
    protected static decimal Sampled(JsonElement payload, string measurand)
    {
        foreach (var meterValue in payload.GetProperty("meterValue").EnumerateArray())
        {
            foreach (var value in meterValue.GetProperty("sampledValue").EnumerateArray())
            {
                var m = value.TryGetProperty("measurand", out var mp) ? mp.GetString() : "Energy.Active.Import.Register";
                if (m == measurand)
                {
                    var v = value.GetProperty("value");
                    return v.ValueKind == JsonValueKind.String ? decimal.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetDecimal();
                }
            }
        }

        throw new KeyNotFoundException($"No {measurand} in {payload}");
    }

    /// <summary>The station's periodic meter messages: 1.6 MeterValues, 2.0.1 TransactionEvent Updated.</summary>
    protected static string MeterAction(OcppVersion version) => version == OcppVersion.V16 ? "MeterValues" : "TransactionEvent";

    protected static bool IsMeter(OcppVersion version, JsonElement payload)
        => version == OcppVersion.V16 || payload.GetProperty("eventType").GetString() == "Updated";

    public async ValueTask DisposeAsync()
    {
        if (_station is not null)
        {
            await _station.DisposeAsync();
        }

        await Csms.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
