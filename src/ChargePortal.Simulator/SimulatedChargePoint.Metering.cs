
namespace ChargePortal.Simulator;

public sealed partial class SimulatedChargePoint
{
    // ---------------------------------------------------------------- metering

    private async Task MeterLoopAsync(SimConnector connector, SimTransaction tx, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var signal = _meterSignal.Token;
                var interval = MeterValueInterval;
                var wait = interval <= TimeSpan.Zero ? Timeout.InfiniteTimeSpan : tx.LastReportAt + Scaled(interval) - _time.GetUtcNow();
                if (wait == Timeout.InfiniteTimeSpan || wait > TimeSpan.Zero)
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, signal);
                    try
                    {
                        await Task.Delay(wait, _time, linked.Token);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        // The interval changed; recompute.
                    }

                    continue;
                }

                SampleAndEnqueue(connector, tx, triggered: false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Session ended.
        }
    }

    /// <summary>Integrates energy up to now, then sends a meter sample (1.6 MeterValues / 2.0.1 TransactionEvent Updated).</summary>
    internal void SampleAndEnqueue(SimConnector connector, SimTransaction tx, bool triggered)
    {
        var now = _time.GetUtcNow();
        MeterSample sample;
        lock (_lock)
        {
            if (tx.Stopping)
            {
                return;
            }

            Settle(tx, now);
            if (!triggered)
            {
                tx.LastReportAt = now;
            }

            sample = new MeterSample(now, (int)Math.Round(connector.MeterWh), (int)Math.Round(tx.PowerW), Math.Round(tx.StateOfCharge, 1));
        }

        Enqueue(_adapter.MeterValues(tx, sample, triggered));
        Raise(ChargePointChangeKind.TransactionUpdated, connector.Id, $"{sample.MeterWh} Wh, {sample.PowerW} W, SoC {sample.StateOfCharge}%");
    }

    /// <summary>A sample of the connector's meter now, without changing the schedule.</summary>
    internal MeterSample CurrentSample(SimConnector connector)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (connector.Transaction is { Stopping: false } tx)
            {
                Settle(tx, now);
                return new MeterSample(now, (int)Math.Round(connector.MeterWh), (int)Math.Round(tx.PowerW), Math.Round(tx.StateOfCharge, 1));
            }

            return new MeterSample(now, (int)Math.Round(connector.MeterWh), 0, null);
        }
    }

    // Called under _lock: adds the energy of the power drawn since the last settlement, then recomputes the power.
    private void Settle(SimTransaction tx, DateTimeOffset now)
    {
        var connector = _connectors[tx.ConnectorId - 1];
        var simulatedHours = (now - tx.SettledAt).TotalHours * Options.SpeedFactor;
        if (simulatedHours > 0)
        {
            var energy = tx.PowerW * simulatedHours;
            connector.MeterWh += energy;
            tx.StateOfCharge = Math.Min(100, tx.StateOfCharge + (energy / Options.BatteryCapacityWh * 100));
            tx.SettledAt = now;
        }

        tx.PowerW = ComputePowerLocked(connector, tx);
    }

    // A simple EV curve: full power up to 80 % state of charge, then tapering to 10 % at 100 %; capped by the connector and profiles.
    private double ComputePowerLocked(SimConnector connector, SimTransaction tx)
    {
        if (tx.AwaitingAuthorization)
        {
            return 0;
        }

        var cap = Math.Min(connector.Options.MaxPowerW, PowerLimitLocked(connector.Id) ?? double.MaxValue);
        var taper = tx.StateOfCharge < 80 ? 1.0 : Math.Max(0.1, 1.0 - ((tx.StateOfCharge - 80) / 20 * 0.9));
        return Math.Max(0, Math.Round(cap * taper));
    }
}

/// <summary>One meter reading: the energy register (Wh), the power drawn (W) and the EV's state of charge (%).</summary>
internal sealed record MeterSample(DateTimeOffset Timestamp, int MeterWh, int PowerW, double? StateOfCharge);
