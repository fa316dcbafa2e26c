using System.Text.Json.Nodes;

namespace ChargePortal.Web.Ocpp.Commands;

// Certificate management (2.0.1 blocks A and M, 1.6 Security Whitepaper): version-neutral operations the adapters map.

/// <summary>
/// The kinds of certificate a station keeps, by their 2.0.1 names. 1.6 knows only the first two (its
/// CentralSystemRootCertificate is <see cref="CSMSRootCertificate"/>).
/// </summary>
public enum InstalledCertificateKind
{
    CSMSRootCertificate,
    ManufacturerRootCertificate,
    V2GRootCertificate,
    MORootCertificate,

    /// <summary>Reported only (GetInstalledCertificateIds), never installed with InstallCertificate.</summary>
    V2GCertificateChain,
}

/// <summary>OCPP's CertificateHashData: how a station names an installed certificate.</summary>
public sealed record CertificateHash(string HashAlgorithm, string IssuerNameHash, string IssuerKeyHash, string SerialNumber);

/// <summary>One certificate a station reported installed.</summary>
public sealed record InstalledCertificateId(InstalledCertificateKind Kind, CertificateHash Hash);

/// <summary>The signed certificate chain (PEM, leaf first) for the station's ChargingStationCertificate CSR (A02/A03).</summary>
public sealed record CertificateSignedArguments(string CertificateChain) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.CertificateSigned;
}

/// <summary>Installs a root certificate (PEM) on the station (M05).</summary>
public sealed record InstallCertificateArguments(InstalledCertificateKind Kind, string Certificate) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.InstallCertificate;
}

/// <summary>Deletes the installed certificate named by its hash data (M04).</summary>
public sealed record DeleteCertificateArguments(CertificateHash Hash) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.DeleteCertificate;
}

/// <summary>
/// Lists the station's installed certificates of <see cref="Kinds"/> (M03). Empty asks 2.0.1 for every kind; a 1.6
/// station is asked one kind per call.
/// </summary>
public sealed record GetInstalledCertificateIdsArguments(IReadOnlyList<InstalledCertificateKind> Kinds) : StationOperation<InstalledCertificatesAnswer>
{
    public override StationCommandName Command => StationCommandName.GetInstalledCertificateIds;

    internal override StationAnswer ReadAnswer(JsonObject details, StationCommandContext context)
    {
        var answer = StationAnswer.From(details);
        var certificates = (details["certificates"]?.AsArray() ?? [])
            .OfType<JsonObject>()
            .Select(c => new InstalledCertificateId(
                Enum.Parse<InstalledCertificateKind>(c["certificateType"]!.GetValue<string>()),
                new CertificateHash(
                    c["hashAlgorithm"]!.GetValue<string>(),
                    c["issuerNameHash"]!.GetValue<string>(),
                    c["issuerKeyHash"]!.GetValue<string>(),
                    c["serialNumber"]!.GetValue<string>())))
            .ToList();
        return new InstalledCertificatesAnswer(answer.Status, answer.StatusText, details, certificates);
    }
}

/// <summary>GetInstalledCertificateIds' answer: the certificates found (none when the station answered NotFound).</summary>
public sealed record InstalledCertificatesAnswer(CommandStatus Status, string StatusText, JsonObject Details, IReadOnlyList<InstalledCertificateId> Certificates)
    : StationAnswer(Status, StatusText, Details);

/// <summary>Neutral JSON of installed certificate ids, shared by both adapters' answers.</summary>
internal static class InstalledCertificateJson
{
    public static JsonObject Entry(string kind, string hashAlgorithm, string issuerNameHash, string issuerKeyHash, string serialNumber) => new()
    {
        ["certificateType"] = kind,
        ["hashAlgorithm"] = hashAlgorithm,
        ["issuerNameHash"] = issuerNameHash,
        ["issuerKeyHash"] = issuerKeyHash,
        ["serialNumber"] = serialNumber,
    };
}
