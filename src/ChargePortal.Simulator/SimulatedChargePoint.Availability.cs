
namespace ChargePortal.Simulator;

public sealed partial class SimulatedChargePoint
{
    /// <summary>ChangeAvailability: connector 0 (or null) means the whole station. Returns "Accepted", "Scheduled" or "Rejected".</summary>
    internal string ChangeAvailability(int? connectorId, bool operative)
    {
        if (connectorId is { } id && id != 0 && !IsKnownConnector(id))
        {
            return "Rejected";
        }

        var targets = connectorId is null or 0 ? _connectors : [_connectors[connectorId.Value - 1]];
        var scheduled = false;
        foreach (var connector in targets)
        {
            ConnectorStatus? newStatus = null;
            lock (_lock)
            {
                if (connector.Transaction is not null)
                {
                    if (connector.Operative != operative)
                    {
                        connector.ScheduledOperative = operative;
                        scheduled = true;
                    }

                    continue;
                }

                connector.Operative = operative;
                connector.ScheduledOperative = null;
                if (!operative)
                {
                    newStatus = ConnectorStatus.Unavailable;
                }
                else if (connector.Status == ConnectorStatus.Unavailable)
                {
                    newStatus = connector.Reservation is null ? ConnectorStatus.Available : ConnectorStatus.Reserved;
                }
            }

            if (newStatus is { } status)
            {
                SetStatus(connector, status);
            }
        }

        return scheduled ? "Scheduled" : "Accepted";
    }

    /// <summary>ReserveNow. connectorId 0/null picks the first free connector. Returns Accepted, Occupied, Unavailable, Faulted or Rejected.</summary>
    internal string Reserve(int? connectorId, int reservationId, string idTag, DateTimeOffset expiresAt)
    {
        SimConnector? connector;
        lock (_lock)
        {
            if (connectorId is { } id && id != 0)
            {
                if (!IsKnownConnector(id))
                {
                    return "Rejected";
                }

                connector = _connectors[id - 1];
            }
            else
            {
                connector = _connectors.FirstOrDefault(c => c.Operative && c.Transaction is null && c.Status == ConnectorStatus.Available)
                    ?? _connectors.FirstOrDefault(c => c.Reservation?.ReservationId == reservationId);
                if (connector is null)
                {
                    return "Occupied";
                }
            }

            if (connector.Status == ConnectorStatus.Faulted)
            {
                return "Faulted";
            }

            if (!connector.Operative)
            {
                return "Unavailable";
            }

            if (connector.Transaction is not null
                || connector.Status is not (ConnectorStatus.Available or ConnectorStatus.Reserved)
                || (connector.Reservation is not null && connector.Reservation.ReservationId != reservationId))
            {
                return "Occupied";
            }

            foreach (var other in _connectors.Where(c => c != connector && c.Reservation?.ReservationId == reservationId))
            {
                other.Reservation = null;
            }

            connector.Reservation = new ReservationSnapshot(reservationId, idTag, expiresAt);
        }

        SetStatus(connector, ConnectorStatus.Reserved);
        Raise(ChargePointChangeKind.Reservation, connector.Id, $"Reservation {reservationId} for {idTag} until {expiresAt:O}.");
        var reserved = connector;
        RunInBackground(async ct =>
        {
            var wait = expiresAt - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, ct);
            }

            ReleaseReservation(reserved, reservationId, "expired");
        });
        return "Accepted";
    }

    internal bool CancelReservation(int reservationId)
    {
        SimConnector? connector;
        lock (_lock)
        {
            connector = _connectors.FirstOrDefault(c => c.Reservation?.ReservationId == reservationId);
        }

        return connector is not null && ReleaseReservation(connector, reservationId, "cancelled");
    }

    private bool ReleaseReservation(SimConnector connector, int reservationId, string why)
    {
        bool wasReservedStatus;
        lock (_lock)
        {
            if (connector.Reservation?.ReservationId != reservationId)
            {
                return false;
            }

            connector.Reservation = null;
            wasReservedStatus = connector.Status == ConnectorStatus.Reserved;
        }

        if (wasReservedStatus)
        {
            SetStatus(connector, ConnectorStatus.Available);
        }

        Raise(ChargePointChangeKind.Reservation, connector.Id, $"Reservation {reservationId} {why}.");
        return true;
    }
}
