using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Ocsp;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace ChargePortal.Web.PlugAndCharge;

/// <summary>
/// Asks OCSP responders (RFC 6960) about ISO 15118 certificates, for GetCertificateStatus (M06) and contract
/// authorization (C07.FR.05). An answer is kept until its nextUpdate and served from memory until then; one without a
/// nextUpdate is asked again each time.
/// </summary>
public sealed partial class OcspClient(IHttpClientFactory httpFactory, IOptions<PlugAndChargeOptions> options, TimeProvider time, ILogger<OcspClient> logger)
{
    public const string HttpClientName = "ocsp";

    /// <summary>Clocks of station, CSMS and responder differ a little: a thisUpdate this far ahead is still taken.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Responder, OcspCertificateId Id), OcspLookup> _cache = new();

    /// <summary>
    /// The status of <paramref name="id"/> from <paramref name="responderUrl"/>; <paramref name="issuer"/> is the certificate's
    /// issuer where the CSMS has it, to check the response's signature against.
    /// </summary>
    public async Task<OcspLookup> CheckAsync(OcspCertificateId id, string responderUrl, X509Certificate2? issuer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!Uri.TryCreate(responderUrl, UriKind.Absolute, out var responder) || (responder.Scheme != Uri.UriSchemeHttp && responder.Scheme != Uri.UriSchemeHttps))
        {
            return OcspLookup.Failed($"The responder URL \"{responderUrl}\" is not an http(s) URL.");
        }

        var key = (responder.AbsoluteUri, id);
        if (_cache.TryGetValue(key, out var cached) && cached.NextUpdate > time.GetUtcNow())
        {
            return cached;
        }

        _cache.TryRemove(key, out _);
        var lookup = await QueryAsync(id, responder, issuer, ct);
        if (lookup is { Succeeded: true, NextUpdate: not null })
        {
            _cache[key] = lookup;
        }

        return lookup;
    }

    private async Task<OcspLookup> QueryAsync(OcspCertificateId id, Uri responder, X509Certificate2? issuer, CancellationToken ct)
    {
        var generator = new OcspReqGenerator();
        generator.AddRequest(new CertificateID(id.ToCertId()));
        using var content = new ByteArrayContent(generator.Generate().GetEncoded());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/ocsp-request");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.OcspTimeoutSeconds));
        byte[] der;
        try
        {
            using var response = await httpFactory.CreateClient(HttpClientName).PostAsync(responder, content, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return Failure(responder, $"the responder answered HTTP {(int)response.StatusCode}");
            }

            der = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failure(responder, "the responder did not answer in time");
        }
        catch (HttpRequestException ex) when (ex.InnerException is OcspResponderNotAllowedException refused)
        {
            return Failure(responder, refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return Failure(responder, $"the responder could not be reached ({ex.Message})");
        }

        return Read(der, id, issuer, responder);
    }

    private OcspLookup Read(byte[] der, OcspCertificateId id, X509Certificate2? issuer, Uri responder)
    {
        BasicOcspResp basic;
        try
        {
            var response = new OcspResp(der);
            if (response.Status != OcspRespStatus.Successful)
            {
                return Failure(responder, $"the responder refused the request (OCSP status {response.Status})");
            }

            if (response.GetResponseObject() is not BasicOcspResp answer)
            {
                return Failure(responder, "the responder's answer is not a basic OCSP response");
            }

            basic = answer;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidCastException or OcspException)
        {
            return Failure(responder, "the responder's answer is not an OCSP response");
        }

        var single = basic.Responses.FirstOrDefault(r => id.Matches(r.GetCertID().ToAsn1Object()));
        if (single is null)
        {
            return Failure(responder, "the responder's answer is about another certificate");
        }

        var now = time.GetUtcNow();
        DateTimeOffset? nextUpdate = single.NextUpdate is { } next ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : null;
        if (new DateTimeOffset(DateTime.SpecifyKind(single.ThisUpdate, DateTimeKind.Utc)) > now + ClockSkew || nextUpdate <= now)
        {
            return Failure(responder, "the responder's answer is not current (thisUpdate/nextUpdate)");
        }

        var status = single.GetCertStatus() switch
        {
            null => OcspCertificateStatus.Good,
            RevokedStatus => OcspCertificateStatus.Revoked,
            _ => OcspCertificateStatus.Unknown,
        };
        return new OcspLookup(status, der, SignedByIssuer(basic, id, issuer, now), nextUpdate, null);
    }

    /// <summary>
    /// RFC 6960 4.2.2.2: signed by the issuer itself, or by a certificate with id-kp-OCSPSigning that the issuer issued.
    /// Without the issuer's certificate (hash data only) a delegated signer is tied to it by the issuer's name.
    /// </summary>
    private static bool SignedByIssuer(BasicOcspResp basic, OcspCertificateId id, X509Certificate2? issuer, DateTimeOffset now)
    {
        var issuerKey = issuer is null ? null : new BcCertificate(issuer.RawData).GetPublicKey();
        if (issuerKey is not null && basic.Verify(issuerKey))
        {
            return true;
        }

        foreach (var signer in basic.GetCerts() ?? [])
        {
            if (!basic.Verify(signer.GetPublicKey()))
            {
                continue;
            }

            if (Convert.ToHexStringLower(id.Hash(signer.CertificateStructure.SubjectPublicKeyInfo.PublicKey.GetBytes())) == id.IssuerKeyHash)
            {
                return true;
            }

            var delegated = signer.GetExtendedKeyUsage()?.Contains(KeyPurposeID.id_kp_OCSPSigning) == true && signer.IsValid(now.UtcDateTime);
            if (delegated && (issuerKey is not null
                ? IsSignedBy(signer, issuerKey)
                : Convert.ToHexStringLower(id.Hash(signer.IssuerDN.GetEncoded())) == id.IssuerNameHash))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSignedBy(BcCertificate certificate, Org.BouncyCastle.Crypto.AsymmetricKeyParameter key)
    {
        try
        {
            certificate.Verify(key);
            return true;
        }
        catch (Exception ex) when (ex is Org.BouncyCastle.Security.InvalidKeyException or Org.BouncyCastle.Security.Certificates.CertificateException
            or Org.BouncyCastle.Security.SignatureException)
        {
            return false;
        }
    }

    private OcspLookup Failure(Uri responder, string reason)
    {
        LogFailed(logger, responder.GetLeftPart(UriPartial.Path), reason);
        return OcspLookup.Failed($"OCSP: {reason}.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OCSP request to {Responder} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string responder, string reason);
}
