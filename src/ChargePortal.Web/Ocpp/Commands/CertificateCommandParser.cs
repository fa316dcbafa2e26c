using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>The HTTP bodies of the certificate commands (README "Station certificates"), checked before anything is sent.</summary>
internal static class CertificateCommandParser
{
    /// <summary>OCPP's limits: 2.0.1 certificateChain 10000, certificate 5500 characters (1.6 Security Whitepaper the same).</summary>
    public const int MaxChainLength = 10_000;
    public const int MaxCertificateLength = 5_500;

    private static readonly IReadOnlyDictionary<string, InstalledCertificateKind> InstallableKinds = new Dictionary<string, InstalledCertificateKind>(StringComparer.Ordinal)
    {
        ["CSMSRootCertificate"] = InstalledCertificateKind.CSMSRootCertificate,
        ["CentralSystemRootCertificate"] = InstalledCertificateKind.CSMSRootCertificate,
        ["ManufacturerRootCertificate"] = InstalledCertificateKind.ManufacturerRootCertificate,
        ["V2GRootCertificate"] = InstalledCertificateKind.V2GRootCertificate,
        ["MORootCertificate"] = InstalledCertificateKind.MORootCertificate,
    };

    private static readonly IReadOnlyDictionary<string, InstalledCertificateKind> ReportableKinds = new Dictionary<string, InstalledCertificateKind>(InstallableKinds, StringComparer.Ordinal)
    {
        ["V2GCertificateChain"] = InstalledCertificateKind.V2GCertificateChain,
    };

    private static readonly IReadOnlyDictionary<string, OcppHashAlgorithm> HashAlgorithms = Enum.GetValues<OcppHashAlgorithm>().ToDictionary(a => a.ToString(), StringComparer.Ordinal);

    private enum OcppHashAlgorithm
    {
        SHA256,
        SHA384,
        SHA512,
    }

    public static StationCommandArguments Parse(StationCommandName command, JsonElement? body) => command switch
    {
        StationCommandName.CertificateSigned => CertificateSigned(CommandBody.Open(command, body, "certificateChain")),
        StationCommandName.InstallCertificate => Install(CommandBody.Open(command, body, "certificateType", "certificate")),
        StationCommandName.DeleteCertificate => Delete(CommandBody.Open(command, body, "hashAlgorithm", "issuerNameHash", "issuerKeyHash", "serialNumber")),
        StationCommandName.GetInstalledCertificateIds => GetInstalled(CommandBody.Open(command, body, "certificateTypes")),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a certificate command."),
    };

    /// <returns>Why <paramref name="pem"/> is not one or more PEM X.509 certificates, or null.</returns>
    public static string? PemRefusal(string pem)
    {
        if (!pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            return "must be PEM (\"-----BEGIN CERTIFICATE-----\" …).";
        }

        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPem(pem);
            return certificates.Count == 0 ? "holds no certificate." : null;
        }
        catch (CryptographicException ex)
        {
            return $"is not a readable X.509 certificate ({ex.Message.TrimEnd('.')}).";
        }
    }

    private static CertificateSignedArguments CertificateSigned(CommandBody body)
    {
        var chain = body.RequiredString("certificateChain", MaxChainLength);
        return PemRefusal(chain) is { } refusal
            ? throw new StationCommandArgumentException("certificateChain", "certificateChain " + refusal)
            : new CertificateSignedArguments(chain);
    }

    private static InstallCertificateArguments Install(CommandBody body)
    {
        var kind = body.RequiredChoice("certificateType", InstallableKinds);
        var certificate = body.RequiredString("certificate", MaxCertificateLength);
        return PemRefusal(certificate) is { } refusal
            ? throw new StationCommandArgumentException("certificate", "certificate " + refusal)
            : new InstallCertificateArguments(kind, certificate);
    }

    private static DeleteCertificateArguments Delete(CommandBody body) => new(new CertificateHash(
        body.RequiredChoice("hashAlgorithm", HashAlgorithms).ToString(),
        body.RequiredString("issuerNameHash", maxLength: 128),
        body.RequiredString("issuerKeyHash", maxLength: 128),
        body.RequiredString("serialNumber", maxLength: 40)));

    private static GetInstalledCertificateIdsArguments GetInstalled(CommandBody body)
    {
        var names = body.OptionalStringList("certificateTypes");
        var kinds = new List<InstalledCertificateKind>();
        for (var i = 0; i < names.Count; i++)
        {
            if (!ReportableKinds.TryGetValue(names[i], out var kind))
            {
                throw new StationCommandArgumentException("certificateTypes", $"certificateTypes[{i}] must be one of {string.Join(", ", ReportableKinds.Keys)}; got \"{names[i]}\".");
            }

            if (!kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }

        return new GetInstalledCertificateIdsArguments(kinds);
    }
}
