namespace ChargePortal.Ocpp.V201;

/// <summary>Defines parameters required for initiating and maintaining wireless communication with other devices.</summary>
public sealed record Modem
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This contains the ICCID of the modem’s SIM card.</summary>
    public string? Iccid { get; init; }

    /// <summary>This contains the IMSI of the modem’s SIM card.</summary>
    public string? Imsi { get; init; }
}
