namespace ChargePortal.Ocpp.V201;

/// <summary>BootNotification request, sent by the Charging Station.</summary>
public sealed record BootNotificationRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The physical system where an Electrical Vehicle (EV) can be charged.</summary>
    public required ChargingStation ChargingStation { get; init; }

    /// <summary>This contains the reason for sending this message to the CSMS.</summary>
    public required BootReasonEnum Reason { get; init; }
}

/// <summary>Response to BootNotification.</summary>
public sealed record BootNotificationResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This contains the CSMS’s current time.</summary>
    public required DateTimeOffset CurrentTime { get; init; }

    /// <summary>When Status is Accepted, this contains the heartbeat interval in seconds. If the CSMS returns something other than Accepted, the value of the interval field indicates the minimum wait time before sending a next BootNotification request.</summary>
    public required int Interval { get; init; }

    /// <summary>This contains whether the Charging Station has been registered within the CSMS.</summary>
    public required RegistrationStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
