namespace ChargePortal.Web.Ocpp;

/// <summary>One OCPP frame in or out, kept so a disputed bill can be re-derived.</summary>
public sealed class OcppMessageLogEntry
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public DateTimeOffset At { get; set; }
    public MessageDirection Direction { get; set; }

    /// <summary>2 CALL, 3 CALLRESULT, 4 CALLERROR; 0 when the frame could not be parsed.</summary>
    public int MessageType { get; set; }
    public string? MessageId { get; set; }
    public string? Action { get; set; }
    public required string Payload { get; set; }
}

public enum MessageDirection
{
    FromStation,
    ToStation,
}
