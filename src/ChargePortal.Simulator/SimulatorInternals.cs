using ChargePortal.Ocpp.Rpc;

namespace ChargePortal.Simulator;

/// <summary>Why the station (re)boots; 2.0.1 reports it in BootNotification.</summary>
internal enum BootReason
{
    PowerUp,
    RemoteReset,
    FirmwareUpdate,
    Triggered,
}

/// <summary>How a session was authorised to start.</summary>
internal enum SessionTrigger
{
    Card,
    Remote,

    /// <summary>Plug in first, tap later (2.0.1 TxStartPoint EVConnected): started by the cable, the card comes later.</summary>
    CablePluggedIn,
}

internal sealed class SimConnector(int id, SimulatedConnectorOptions options, double meterWh)
{
    public int Id { get; } = id;

    public SimulatedConnectorOptions Options { get; } = options;

    public ConnectorStatus Status { get; set; } = ConnectorStatus.Available;

    public bool Operative { get; set; } = true;

    /// <summary>A ChangeAvailability to Inoperative waiting for the running session to end.</summary>
    public bool? ScheduledOperative { get; set; }

    public double MeterWh { get; set; } = meterWh;

    public SimTransaction? Transaction { get; set; }

    public ReservationSnapshot? Reservation { get; set; }
}

internal sealed class SimTransaction
{
    public required int ConnectorId { get; init; }

    public required string LocalId { get; init; }

    /// <summary>The token; empty while a session started by the cable waits for its card.</summary>
    public required string IdTag { get; set; }

    /// <summary>Started by the cable, no card yet: no energy flows until one is authorised.</summary>
    public bool AwaitingAuthorization { get; set; }

    public required SessionTrigger Trigger { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required double MeterStartWh { get; init; }

    public int? RemoteStartId { get; init; }

    public int? ReservationId { get; init; }

    /// <summary>1.6: the transactionId the CSMS assigned in StartTransaction.conf.</summary>
    public int? CsmsId { get; set; }

    public int SeqNo { get; set; }

    public double PowerW { get; set; }

    public double StateOfCharge { get; set; }

    /// <summary>Energy has been integrated up to this moment.</summary>
    public DateTimeOffset SettledAt { get; set; }

    /// <summary>The last periodic meter sample (drives the sampling schedule).</summary>
    public DateTimeOffset LastReportAt { get; set; }

    public bool Stopping { get; set; }

    public CancellationTokenSource Cts { get; } = new();

    public Task? MeterLoop { get; set; }
}

internal sealed record SimChargingProfile(int Id, int ConnectorId, string Purpose, int StackLevel, double LimitW, string? TransactionId);

/// <summary>
/// A station→CSMS message waiting in the ordered outbox. The send delegate builds the request when it is sent, so a 1.6 message
/// queued before the CSMS assigned the transaction id still carries the right id; timestamps are captured when it was produced.
/// </summary>
internal sealed class QueuedMessage(string action, DateTimeOffset createdAt, bool persistent, Func<OcppRpcPeer, CancellationToken, Task> send)
{
    public string Action { get; } = action;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Transaction messages survive disconnects; the others are dropped when offline.</summary>
    public bool Persistent { get; } = persistent;

    public Func<OcppRpcPeer, CancellationToken, Task> Send { get; } = send;

    public TaskCompletionSource Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A wake-up signal for schedule loops: cancelled (and replaced) when the schedule changes.</summary>
internal sealed class ScheduleSignal : IDisposable
{
    private CancellationTokenSource _current = new();

    public CancellationToken Token => Volatile.Read(ref _current).Token;

    public void Fire()
    {
        // The old source is cancelled but not disposed: a loop may still be linking to its token.
        var old = Interlocked.Exchange(ref _current, new CancellationTokenSource());
        old.Cancel();
    }

    public void Dispose() => Volatile.Read(ref _current).Dispose();
}
