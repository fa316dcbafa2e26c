using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargePortal.Ocpp.V201;

namespace ChargePortal.Web.PlugAndCharge;

/// <summary>The verdict on a contract certificate (chain): OCPP's certificateStatus and, when not Accepted, why.</summary>
public sealed record ContractCertificateVerdict(AuthorizeCertificateStatusEnum Status, string? Reason)
{
    public static readonly ContractCertificateVerdict Valid = new(AuthorizeCertificateStatusEnum.Accepted, null);
}

/// <summary>
/// C07.FR.05: a contract certificate is valid when its chain ends at a trusted contract root (when the CSMS has the
/// chain) and OCSP says every certificate in it is good. Revoked wins over any other failure: it is the one answer
/// a station must never cache as "try again".
/// </summary>
public sealed class ContractCertificateCheck(OcspClient ocsp, ContractRoots roots, TimeProvider time)
{
    /// <summary>The hash data of the contract certificate and its sub-CAs (the station verified the chain itself).</summary>
    public async Task<ContractCertificateVerdict> CheckHashDataAsync(IReadOnlyList<OCSPRequestData> hashData, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hashData);
        if (hashData.Count == 0)
        {
            return new(AuthorizeCertificateStatusEnum.NoCertificateAvailable, "iso15118CertificateHashData is empty.");
        }

        var lookups = new List<(OcspLookup Lookup, OcspCertificateId? Id)>();
        foreach (var data in hashData)
        {
            if (OcspCertificateId.From(data, out var problem) is not { } id)
            {
                lookups.Add((OcspLookup.Failed(problem!), null));
                continue;
            }

            lookups.Add((await ocsp.CheckAsync(id, data.ResponderURL, issuer: null, ct), id));
        }

        return Judge(lookups.Select(l => l.Lookup));
    }

    /// <summary>A PEM chain, contract certificate first, then its sub-CAs (C07.FR.06), for the eMAID <paramref name="emaid"/>.</summary>
    public async Task<ContractCertificateVerdict> CheckChainAsync(string emaid, string pem, CancellationToken ct)
    {
        var presented = new X509Certificate2Collection();
        try
        {
            presented.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            return new(AuthorizeCertificateStatusEnum.CertChainError, "The certificate is not a PEM X.509 certificate chain.");
        }

        if (presented.Count == 0)
        {
            return new(AuthorizeCertificateStatusEnum.NoCertificateAvailable, "The certificate field holds no certificate.");
        }

        try
        {
            var leaf = presented[0];
            if (!SameEmaid(leaf.GetNameInfo(X509NameType.SimpleName, false), emaid))
            {
                return new(AuthorizeCertificateStatusEnum.CertChainError, $"The contract certificate is not the eMAID {emaid}'s.");
            }

            using var trusted = new DisposableCollection(await roots.LoadAsync(ct));
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(trusted.Items);
            chain.ChainPolicy.ExtraStore.AddRange(presented);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // OCSP below, against the responders the certificates name
            chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
            if (!chain.Build(leaf))
            {
                return ChainFailure(chain);
            }

            var lookups = new List<OcspLookup>();
            for (var i = 0; i < chain.ChainElements.Count - 1; i++)
            {
                var certificate = chain.ChainElements[i].Certificate;
                var issuer = chain.ChainElements[i + 1].Certificate;
                var responder = certificate.Extensions.OfType<X509AuthorityInformationAccessExtension>().SelectMany(a => a.EnumerateOcspUris()).FirstOrDefault();
                lookups.Add(responder is null
                    ? OcspLookup.Failed($"{certificate.Subject} names no OCSP responder.")
                    : await ocsp.CheckAsync(OcspCertificateId.Of(certificate, issuer), responder, issuer, ct));
            }

            return Judge(lookups);
        }
        finally
        {
            foreach (var certificate in presented)
            {
                certificate.Dispose();
            }
        }
    }

    private static ContractCertificateVerdict Judge(IEnumerable<OcspLookup> lookups)
    {
        var all = lookups.ToList();
        if (all.Any(l => l.Status == OcspCertificateStatus.Revoked && l.SignedByIssuer))
        {
            return new(AuthorizeCertificateStatusEnum.CertificateRevoked, "OCSP: a certificate of the contract chain is revoked.");
        }

        if (all.FirstOrDefault(l => !l.Succeeded) is { } failed)
        {
            return new(AuthorizeCertificateStatusEnum.CertChainError, failed.Failure);
        }

        if (all.Any(l => !l.SignedByIssuer))
        {
            return new(AuthorizeCertificateStatusEnum.CertChainError, "OCSP: an answer is not signed by the certificate's issuer or its OCSP signer.");
        }

        return all.Any(l => l.Status != OcspCertificateStatus.Good)
            ? new(AuthorizeCertificateStatusEnum.CertChainError, "OCSP: the responder does not know a certificate of the contract chain.")
            : ContractCertificateVerdict.Valid;
    }

    private static ContractCertificateVerdict ChainFailure(X509Chain chain)
    {
        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        if (flags.HasFlag(X509ChainStatusFlags.NotSignatureValid))
        {
            return new(AuthorizeCertificateStatusEnum.SignatureError, "A signature in the contract certificate chain does not verify.");
        }

        if (flags.HasFlag(X509ChainStatusFlags.NotTimeValid))
        {
            return new(AuthorizeCertificateStatusEnum.CertificateExpired, "A certificate of the contract chain is expired or not yet valid.");
        }

        return new(AuthorizeCertificateStatusEnum.CertChainError,
            $"The contract certificate chain does not end at a trusted contract root ({string.Join(", ", chain.ChainStatus.Select(s => s.Status))}).");
    }

    /// <summary>ISO 15118 writes an eMAID with or without its dashes, in either case.</summary>
    private static bool SameEmaid(string? a, string b) =>
        a is not null && string.Equals(a.Replace("-", "", StringComparison.Ordinal), b.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

    private sealed class DisposableCollection(X509Certificate2Collection items) : IDisposable
    {
        public X509Certificate2Collection Items { get; } = items;

        public void Dispose()
        {
            foreach (var item in Items)
            {
                item.Dispose();
            }
        }
    }
}
