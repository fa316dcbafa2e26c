namespace ChargePortal.Ocpp.V201;

/// <summary>The physical system where an Electrical Vehicle (EV) can be charged.</summary>
public sealed record ChargingStation
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Vendor-specific device identifier.</summary>
    public string? SerialNumber { get; init; }

    /// <summary>Defines the model of the device.</summary>
    public required string Model { get; init; }

    /// <summary>Defines parameters required for initiating and maintaining wireless communication with other devices.</summary>
    public Modem? Modem { get; init; }

    /// <summary>Identifies the vendor (not necessarily in a unique manner).</summary>
    public required string VendorName { get; init; }

    /// <summary>This contains the firmware version of the Charging Station.</summary>
    public string? FirmwareVersion { get; init; }
}
