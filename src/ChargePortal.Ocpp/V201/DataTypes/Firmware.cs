namespace ChargePortal.Ocpp.V201;

/// <summary>Firmware Represents a copy of the firmware that can be loaded/updated on the Charging Station.</summary>
public sealed record Firmware
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>URI defining the origin of the firmware.</summary>
    public required string Location { get; init; }

    /// <summary>Date and time at which the firmware shall be retrieved.</summary>
    public required DateTimeOffset RetrieveDateTime { get; init; }

    /// <summary>Date and time at which the firmware shall be installed.</summary>
    public DateTimeOffset? InstallDateTime { get; init; }

    /// <summary>Certificate with which the firmware was signed. PEM encoded X.509 certificate.</summary>
    public string? SigningCertificate { get; init; }

    /// <summary>Base64 encoded firmware signature.</summary>
    public string? Signature { get; init; }
}
