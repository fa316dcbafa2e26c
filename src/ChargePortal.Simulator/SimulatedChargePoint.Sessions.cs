using System.Globalization;
using ChargePortal.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Simulator;

public sealed partial class SimulatedChargePoint
{
    /// <summary>
    /// A local RFID swipe on <paramref name="connectorId"/>: Authorize (online) or the local list (offline); if accepted, a session starts.
    /// Returns whether a session was started.
    /// </summary>
    public async Task<bool> PresentCardAsync(int connectorId, string idTag, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idTag);
        lock (_lock)
        {
            if (!CanStartLocked(ConnectorOrThrow(connectorId), idTag))
            {
                return false;
            }
        }

        if (!await AuthorizeAsync(idTag, ct))
        {
            _logger.LogInformation("{Id}: card {IdTag} was not authorised on connector {Connector}.", Id, idTag, connectorId);
            return false;
        }

        return StartSession(connectorId, idTag, SessionTrigger.Card, remoteStartId: null, localId: null);
    }

    /// <summary>Ends the session on <paramref name="connectorId"/> (StopTransaction / TransactionEvent Ended); false if none is running.</summary>
    public async Task<bool> StopSessionAsync(int connectorId, StopReason reason = StopReason.Local, CancellationToken ct = default)
    {
        SimConnector connector;
        SimTransaction? tx;
        lock (_lock)
        {
            connector = ConnectorOrThrow(connectorId);
            tx = connector.Transaction;
            if (tx is null || tx.Stopping)
            {
                return false;
            }

            tx.Stopping = true;
        }

        await tx.Cts.CancelAsync();
        if (tx.MeterLoop is { } loop)
        {
            try
            {
                await loop.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The meter loop ends by cancellation.
            }
        }

        var now = _time.GetUtcNow();
        bool idle;
        lock (_lock)
        {
            Settle(tx, now);
            tx.PowerW = 0;
            connector.Transaction = null;
            idle = _connectors.All(c => c.Transaction is null);
        }

        Enqueue(_adapter.StopTransaction(tx, reason, now, MeterWh(connector)));
        SetStatus(connector, ConnectorStatus.Finishing);
        Raise(ChargePointChangeKind.TransactionStopped, connectorId, $"Session {tx.LocalId} stopped ({reason}) at {MeterWh(connector)} Wh.");
        bool operative;
        lock (_lock)
        {
            if (connector.ScheduledOperative is { } scheduled)
            {
                connector.Operative = scheduled;
                connector.ScheduledOperative = null;
            }

            operative = connector.Operative;
        }

        SetStatus(connector, operative ? ConnectorStatus.Available : ConnectorStatus.Unavailable);
        tx.Cts.Dispose();
        if (idle && _resetWhenIdle)
        {
            _resetWhenIdle = false;
            RunInBackground(c => RebootAsync(StopReason.SoftReset, c));
        }

        return true;
    }

    // ---------------------------------------------------------------- sessions


    internal int MeterWh(SimConnector connector)
    {
        lock (_lock)
        {
            return (int)Math.Round(connector.MeterWh);
        }
    }

    internal async Task<bool> AuthorizeAsync(string idTag, CancellationToken ct)
    {
        Link? link;
        lock (_lock)
        {
            link = _link is { Ready: true } ready ? ready : null;
        }

        if (link is not null)
        {
            try
            {
                return await _adapter.AuthorizeAsync(link.Peer, idTag, ct);
            }
            catch (Exception ex) when (ex is OcppConnectionClosedException or OcppCallTimeoutException)
            {
                _logger.LogInformation("{Id}: Authorize not answered; falling back to the local list.", Id);
            }
        }

        lock (_lock)
        {
            return _localList.TryGetValue(idTag, out var accepted) && accepted;
        }
    }

    /// <summary>Whether <paramref name="idTag"/> may start a session on the connector now (free, operative, not reserved for someone else).</summary>
    internal bool CanStart(int connectorId, string idTag)
    {
        lock (_lock)
        {
            return IsKnownConnector(connectorId) && CanStartLocked(_connectors[connectorId - 1], idTag);
        }
    }

    /// <summary>The first connector where <paramref name="idTag"/> could start (its reservation first), or null.</summary>
    internal int? FindConnectorFor(string idTag)
    {
        lock (_lock)
        {
            var reserved = _connectors.FirstOrDefault(c => c.Reservation?.IdTag == idTag && CanStartLocked(c, idTag));
            return (reserved ?? _connectors.FirstOrDefault(c => CanStartLocked(c, idTag)))?.Id;
        }
    }

    private static bool CanStartLocked(SimConnector connector, string idTag)
        => connector.Transaction is null
            && connector.Operative
            && connector.Status is ConnectorStatus.Available or ConnectorStatus.Preparing or ConnectorStatus.Reserved
            && (connector.Reservation is null || connector.Reservation.IdTag == idTag);

    internal string NewTransactionId() => $"{Id}-{_time.GetUtcNow():yyyyMMddHHmmss}-{Interlocked.Increment(ref _transactionCounter)}";

    /// <summary>Starts a session: Preparing, the start message, Charging, then periodic meter values.</summary>
    internal bool StartSession(int connectorId, string idTag, SessionTrigger trigger, int? remoteStartId, string? localId)
    {
        var now = _time.GetUtcNow();
        SimConnector connector;
        SimTransaction tx;
        lock (_lock)
        {
            connector = ConnectorOrThrow(connectorId);
            if (!CanStartLocked(connector, idTag))
            {
                return false;
            }

            var reservation = connector.Reservation;
            connector.Reservation = null;
            tx = new SimTransaction
            {
                ConnectorId = connectorId,
                LocalId = localId ?? NewTransactionId(),
                IdTag = idTag,
                Trigger = trigger,
                StartedAt = now,
                MeterStartWh = Math.Round(connector.MeterWh),
                RemoteStartId = remoteStartId,
                ReservationId = reservation?.ReservationId,
#pragma warning disable CA5394 // Simulation randomness, not security.
                StateOfCharge = 20 + (_random.NextDouble() * 20),
#pragma warning restore CA5394
                SettledAt = now,
                LastReportAt = now,
            };
            connector.MeterWh = tx.MeterStartWh;
            connector.Transaction = tx;
            tx.PowerW = ComputePowerLocked(connector, tx);
        }

        SetStatus(connector, ConnectorStatus.Preparing);
        Enqueue(_adapter.StartTransaction(tx, now));
        SetStatus(connector, ConnectorStatus.Charging);
        Raise(ChargePointChangeKind.TransactionStarted, connectorId, $"Session {tx.LocalId} started for {idTag} ({trigger}).");
        var ct = tx.Cts.Token;
        tx.MeterLoop = Task.Run(() => MeterLoopAsync(connector, tx, ct), CancellationToken.None);
        return true;
    }

    internal SimTransaction? FindTransaction(string transactionId)
    {
        lock (_lock)
        {
            return _connectors.Select(c => c.Transaction).FirstOrDefault(t => t is not null
                && (t.LocalId == transactionId || t.CsmsId?.ToString(CultureInfo.InvariantCulture) == transactionId));
        }
    }

    internal void SetStatus(SimConnector connector, ConnectorStatus status)
    {
        ConnectorStatus old;
        lock (_lock)
        {
            old = connector.Status;
            if (old == status)
            {
                return;
            }

            connector.Status = status;
        }

        Enqueue(_adapter.StatusChanged(connector.Id, old, status, _time.GetUtcNow()));
        Raise(ChargePointChangeKind.ConnectorStatus, connector.Id, $"{old} → {status}");
    }

    internal void Raise(ChargePointChangeKind kind, int? connectorId, string description)
    {
        try
        {
            Changed?.Invoke(this, new ChargePointChange(Id, kind, connectorId, description));
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "{Id}: a Changed subscriber failed.", Id);
        }
    }

    /// <summary>Closes the connection and comes back after <see cref="SimulatedChargePointOptions.RebootDelay"/> with a new BootNotification.</summary>
    internal async Task RebootAsync(StopReason reason, CancellationToken ct)
    {
        var stops = _connectors.Where(c => c.Transaction is not null).Select(c => StopSessionAsync(c.Id, reason, ct)).ToList();
        await Task.WhenAll(stops);
        await FlushOutboxAsync(ct);
        Link? link;
        lock (_lock)
        {
            _bootAccepted = false;
            _bootReason = BootReason.RemoteReset;
            _registrationStatus = null;
            link = _link;
        }

        Interlocked.Exchange(ref _rebootRequested, 1);
        _logger.LogInformation("{Id}: rebooting.", Id);
        if (link is not null)
        {
            await link.Cts.CancelAsync();
        }
    }

    /// <summary>Waits (bounded by the call timeout) until what is queued now has been delivered.</summary>
    internal async Task FlushOutboxAsync(CancellationToken ct)
    {
        QueuedMessage? last;
        lock (_lock)
        {
            last = _link is { Ready: true } ? _outbox.Last?.Value : null;
        }

        if (last is not null)
        {
            try
            {
                await last.Delivered.Task.WaitAsync(Options.CallTimeout, _time, ct);
            }
            catch (TimeoutException)
            {
                _logger.LogWarning("{Id}: the outbox did not drain before the reboot.", Id);
            }
        }
    }

    internal void ScheduleResetWhenIdle() => _resetWhenIdle = true;

    internal bool HasActiveTransactions
    {
        get
        {
            lock (_lock)
            {
                return _connectors.Any(c => c.Transaction is not null);
            }
        }
    }
}
