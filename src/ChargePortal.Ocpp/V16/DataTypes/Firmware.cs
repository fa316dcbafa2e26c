namespace ChargePortal.Ocpp.V16;

/// <summary>A signed firmware image to install (Security Whitepaper FirmwareType).</summary>
public sealed record Firmware
{
    public required string Location { get; init; }

    public required DateTimeOffset RetrieveDateTime { get; init; }

    public DateTimeOffset? InstallDateTime { get; init; }

    /// <summary>PEM certificate of the key that signed the firmware.</summary>
    public required string SigningCertificate { get; init; }

    /// <summary>Base64 signature of the firmware image.</summary>
    public required string Signature { get; init; }
}
