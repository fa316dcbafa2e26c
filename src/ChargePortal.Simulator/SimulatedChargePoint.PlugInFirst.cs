using ChargePortal.Ocpp;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Simulator;

/// <summary>
/// Plug in first, tap later (OCPP 2.0.1 E02, TxStartPoint EVConnected): the cable starts the transaction with nobody
/// known (TransactionEvent Started, CablePluggedIn, no idToken); the card presented later authorises it (Updated,
/// Authorized, with the idToken) and energy flows; unplugging ends it (Ended, EVDisconnected). A 1.6 station only
/// shows Preparing when the cable goes in and starts the transaction when the card is accepted.
/// </summary>
public sealed partial class SimulatedChargePoint
{
    /// <summary>The driver plugs the cable in on <paramref name="connectorId"/>. False when the connector cannot take a session now.</summary>
    public bool PlugIn(int connectorId)
    {
        var now = _time.GetUtcNow();
        SimConnector connector;
        SimTransaction? tx = null;
        lock (_lock)
        {
            connector = ConnectorOrThrow(connectorId);
            if (connector.Transaction is not null || !connector.Operative || connector.Reservation is not null
                || connector.Status is not (ConnectorStatus.Available or ConnectorStatus.Preparing))
            {
                return false;
            }

            if (Version == OcppVersion.V201)
            {
                tx = new SimTransaction
                {
                    ConnectorId = connectorId,
                    LocalId = NewTransactionId(),
                    IdTag = "",
                    Trigger = SessionTrigger.CablePluggedIn,
                    AwaitingAuthorization = true,
                    StartedAt = now,
                    MeterStartWh = Math.Round(connector.MeterWh),
#pragma warning disable CA5394 // Simulation randomness, not security.
                    StateOfCharge = 20 + (_random.NextDouble() * 20),
#pragma warning restore CA5394
                    SettledAt = now,
                    LastReportAt = now,
                };
                connector.MeterWh = tx.MeterStartWh;
                connector.Transaction = tx;
            }
        }

        SetStatus(connector, ConnectorStatus.Preparing);
        if (tx is not null)
        {
            Enqueue(_adapter.StartTransaction(tx, now));
            Raise(ChargePointChangeKind.TransactionStarted, connectorId, $"Session {tx.LocalId} started by the cable; waiting for a card.");
        }

        return true;
    }

    /// <summary>
    /// The driver taps their card at <paramref name="connectorId"/>: a session the cable started is authorised and
    /// starts charging; otherwise this is a plain card swipe (<see cref="PresentCardAsync"/>). False when not accepted.
    /// </summary>
    public async Task<bool> TapCardAsync(int connectorId, string idTag, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idTag);
        SimConnector connector;
        SimTransaction? waiting;
        lock (_lock)
        {
            connector = ConnectorOrThrow(connectorId);
            waiting = connector.Transaction is { AwaitingAuthorization: true, Stopping: false } tx ? tx : null;
        }

        if (waiting is null)
        {
            return await PresentCardAsync(connectorId, idTag, ct);
        }

        if (!await AuthorizeAsync(idTag, ct))
        {
            _logger.LogInformation("{Id}: card {IdTag} was not authorised on connector {Connector}.", Id, idTag, connectorId);
            return false;
        }

        var now = _time.GetUtcNow();
        MeterSample sample;
        lock (_lock)
        {
            if (connector.Transaction != waiting || waiting.Stopping)
            {
                return false;
            }

            waiting.IdTag = idTag;
            waiting.AwaitingAuthorization = false;
            waiting.SettledAt = now;
            waiting.LastReportAt = now;
            waiting.PowerW = ComputePowerLocked(connector, waiting);
            sample = new MeterSample(now, (int)Math.Round(connector.MeterWh), (int)Math.Round(waiting.PowerW), Math.Round(waiting.StateOfCharge, 1));
        }

        if (_adapter.Authorized(waiting, sample) is { } authorized)
        {
            Enqueue(authorized);
        }

        SetStatus(connector, ConnectorStatus.Charging);
        Raise(ChargePointChangeKind.TransactionUpdated, connectorId, $"Session {waiting.LocalId} authorised for {idTag}; charging.");
        var token = waiting.Cts.Token;
        waiting.MeterLoop = Task.Run(() => MeterLoopAsync(connector, waiting, token), CancellationToken.None);
        return true;
    }

    /// <summary>The driver unplugs: the session ends with reason EVDisconnected. False when none is running.</summary>
    public Task<bool> UnplugAsync(int connectorId, CancellationToken ct = default) => StopSessionAsync(connectorId, StopReason.EVDisconnected, ct);
}
