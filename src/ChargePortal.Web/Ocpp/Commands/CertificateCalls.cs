using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Ocpp;
using V16 = ChargePortal.Ocpp.V16;
using V201 = ChargePortal.Ocpp.V201;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>
/// The certificate operations as each version's calls: 2.0.1 block A/M messages and their 1.6 Security Whitepaper twins
/// (which know only the Central System and manufacturer roots and one certificate type per GetInstalledCertificateIds).
/// </summary>
internal static class CertificateCalls
{
    public static OcppOutgoingCall BuildV16(StationCommandArguments arguments) => arguments switch
    {
        CertificateSignedArguments a => OutgoingCalls.Create(OcppVersion.V16, "CertificateSigned", new V16.CertificateSignedRequest { CertificateChain = a.CertificateChain }),
        InstallCertificateArguments a => OutgoingCalls.Create(OcppVersion.V16, "InstallCertificate", new V16.InstallCertificateRequest { CertificateType = V16Use(a.Kind, "certificateType"), Certificate = a.Certificate }),
        DeleteCertificateArguments a => OutgoingCalls.Create(OcppVersion.V16, "DeleteCertificate", new V16.DeleteCertificateRequest { CertificateHashData = V16Hash(a.Hash) }),
        GetInstalledCertificateIdsArguments { Kinds: [var kind] } => OutgoingCalls.Create(OcppVersion.V16, "GetInstalledCertificateIds",
            new V16.GetInstalledCertificateIdsRequest { CertificateType = V16Use(kind, "certificateTypes") }),
        GetInstalledCertificateIdsArguments => throw new StationCommandArgumentException(
            "certificateTypes", "An OCPP 1.6 station is asked for one certificate type at a time: CentralSystemRootCertificate or ManufacturerRootCertificate."),
        TriggerMessageArguments a => OutgoingCalls.Create(OcppVersion.V16, "ExtendedTriggerMessage", new V16.ExtendedTriggerMessageRequest
        {
            RequestedMessage = V16.ExtendedMessageTrigger.SignChargePointCertificate,
            ConnectorId = a.Where.ConnectorId,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(arguments), arguments.GetType().Name, "Not a certificate operation."),
    };

    public static OcppOutgoingCall BuildV201(StationCommandArguments arguments) => arguments switch
    {
        CertificateSignedArguments a => OutgoingCalls.Create(OcppVersion.V201, "CertificateSigned", new V201.CertificateSignedRequest
        {
            CertificateChain = a.CertificateChain,
            CertificateType = V201.CertificateSigningUseEnum.ChargingStationCertificate,
        }),
        InstallCertificateArguments a => OutgoingCalls.Create(OcppVersion.V201, "InstallCertificate", new V201.InstallCertificateRequest
        {
            CertificateType = a.Kind switch
            {
                InstalledCertificateKind.CSMSRootCertificate => V201.InstallCertificateUseEnum.CSMSRootCertificate,
                InstalledCertificateKind.ManufacturerRootCertificate => V201.InstallCertificateUseEnum.ManufacturerRootCertificate,
                InstalledCertificateKind.V2GRootCertificate => V201.InstallCertificateUseEnum.V2GRootCertificate,
                InstalledCertificateKind.MORootCertificate => V201.InstallCertificateUseEnum.MORootCertificate,
                _ => throw new StationCommandArgumentException("certificateType", $"{a.Kind} cannot be installed with InstallCertificate."),
            },
            Certificate = a.Certificate,
        }),
        DeleteCertificateArguments a => OutgoingCalls.Create(OcppVersion.V201, "DeleteCertificate", new V201.DeleteCertificateRequest
        {
            CertificateHashData = new V201.CertificateHashData
            {
                HashAlgorithm = Enum.Parse<V201.HashAlgorithmEnum>(a.Hash.HashAlgorithm),
                IssuerNameHash = a.Hash.IssuerNameHash,
                IssuerKeyHash = a.Hash.IssuerKeyHash,
                SerialNumber = a.Hash.SerialNumber,
            },
        }),
        GetInstalledCertificateIdsArguments a => OutgoingCalls.Create(OcppVersion.V201, "GetInstalledCertificateIds", new V201.GetInstalledCertificateIdsRequest
        {
            CertificateType = a.Kinds.Count == 0 ? null : [.. a.Kinds.Select(k => Enum.Parse<V201.GetCertificateIdUseEnum>(k.ToString()))],
        }),
        TriggerMessageArguments => OutgoingCalls.Create(OcppVersion.V201, "TriggerMessage", new V201.TriggerMessageRequest
        {
            RequestedMessage = V201.MessageTriggerEnum.SignChargingStationCertificate,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(arguments), arguments.GetType().Name, "Not a certificate operation."),
    };

    /// <summary>1.6: the answer's certificateHashData, typed with the one type the call asked for.</summary>
    public static void AddV16Certificates(JsonObject answer, OcppOutgoingCall call, JsonElement response)
    {
        var kind = call.Payload.GetProperty("certificateType").GetString() == nameof(V16.CertificateUse.CentralSystemRootCertificate)
            ? InstalledCertificateKind.CSMSRootCertificate
            : InstalledCertificateKind.ManufacturerRootCertificate;
        var list = new JsonArray();
        if (response.TryGetProperty("certificateHashData", out var hashes) && hashes.ValueKind == JsonValueKind.Array)
        {
            foreach (var hash in hashes.EnumerateArray())
            {
                list.Add(Entry(kind.ToString(), hash));
            }
        }

        answer["certificates"] = list;
    }

    /// <summary>2.0.1: each chain's root entry (children are the chain's sub-CAs, listed as V2GCertificateChain too).</summary>
    public static void AddV201Certificates(JsonObject answer, JsonElement response)
    {
        var list = new JsonArray();
        if (response.TryGetProperty("certificateHashDataChain", out var chains) && chains.ValueKind == JsonValueKind.Array)
        {
            foreach (var chain in chains.EnumerateArray())
            {
                var kind = chain.GetProperty("certificateType").GetString()!;
                list.Add(Entry(kind, chain.GetProperty("certificateHashData")));
                if (chain.TryGetProperty("childCertificateHashData", out var children) && children.ValueKind == JsonValueKind.Array)
                {
                    foreach (var child in children.EnumerateArray())
                    {
                        list.Add(Entry(kind, child));
                    }
                }
            }
        }

        answer["certificates"] = list;
    }

    private static JsonObject Entry(string kind, JsonElement hash) => InstalledCertificateJson.Entry(
        kind,
        hash.GetProperty("hashAlgorithm").GetString()!,
        hash.GetProperty("issuerNameHash").GetString()!,
        hash.GetProperty("issuerKeyHash").GetString()!,
        hash.GetProperty("serialNumber").GetString()!);

    private static V16.CertificateUse V16Use(InstalledCertificateKind kind, string field) => kind switch
    {
        InstalledCertificateKind.CSMSRootCertificate => V16.CertificateUse.CentralSystemRootCertificate,
        InstalledCertificateKind.ManufacturerRootCertificate => V16.CertificateUse.ManufacturerRootCertificate,
        _ => throw new StationCommandArgumentException(field, $"{kind} exists in OCPP 2.0.1 only; a 1.6 station keeps CentralSystemRootCertificate and ManufacturerRootCertificate."),
    };

    private static V16.CertificateHashData V16Hash(CertificateHash hash) => new()
    {
        HashAlgorithm = Enum.Parse<V16.HashAlgorithm>(hash.HashAlgorithm),
        IssuerNameHash = hash.IssuerNameHash,
        IssuerKeyHash = hash.IssuerKeyHash,
        SerialNumber = hash.SerialNumber,
    };
}
