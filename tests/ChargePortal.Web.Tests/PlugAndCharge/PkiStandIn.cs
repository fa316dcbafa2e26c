using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace ChargePortal.Web.Tests.PlugAndCharge;

/// <summary>
/// The outside world of Plug &amp; Charge on 127.0.0.1: an OCSP responder for the test PKI (each answer signed by the
/// certificate's issuer; serials in <see cref="Revoked"/> are revoked, others good) at <c>/ocsp</c>, and a
/// contract-certificate provider (the operator's PKI or eMSP) at <c>/contract-certificates</c> that records what it
/// was sent and answers with <see cref="ExiResponse"/>.
/// </summary>
public sealed class PkiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _ocspRequests;

    private PkiStandIn(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public Uri OcspUri => new(BaseUri, "ocsp");

    public Uri ProviderUri => new(BaseUri, "contract-certificates");

    /// <summary>Set once the PKI exists (it names <see cref="OcspUri"/> in its certificates).</summary>
    public Iso15118Pki Pki { get; set; } = null!;

    /// <summary>Serial numbers (lower-case hex, as OCPP writes them) the responder says are revoked.</summary>
    public ConcurrentDictionary<string, byte> Revoked { get; } = new();

    public int OcspRequests => Volatile.Read(ref _ocspRequests);

    public ConcurrentQueue<(JsonObject Body, string? Authorization)> ProviderRequests { get; } = new();

    /// <summary>Any base64 text: the CSMS must hand it to the station as it is.</summary>
    public string ExiResponse { get; set; } = Convert.ToBase64String([0x80, 0x98, 0x02, 0x10, 0x50, 0x90, 0x8C, 0x0C, 0x0C, 0x0E, 0x00, 0xFF, 0x01]);

    public static async Task<PkiStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var standIn = new PkiStandIn(builder.Build());
        standIn._app.MapPost("/ocsp", standIn.AnswerOcspAsync);
        standIn._app.MapPost("/contract-certificates", (JsonObject body, HttpRequest request) =>
        {
            standIn.ProviderRequests.Enqueue((body, request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null));
            return Results.Json(new JsonObject { ["status"] = "Accepted", ["exiResponse"] = standIn.ExiResponse });
        });
        await standIn._app.StartAsync();
        standIn.BaseUri = new Uri(standIn._app.Urls.First() + "/");
        return standIn;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> AnswerOcspAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _ocspRequests);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var certificateId = new OcspReq(body.ToArray()).GetRequestList()[0].GetCertID();
        var issuerKeyHash = Convert.ToHexStringLower(certificateId.GetIssuerKeyHash());
        var issuer = Pki.Authorities.FirstOrDefault(a => a.KeyHash == issuerKeyHash);
        if (issuer is null)
        {
            // RFC 6960 "unauthorized": this responder does not answer for that issuer.
            return Results.Bytes(new OCSPRespGenerator().Generate(OCSPRespGenerator.Unauthorized, null).GetEncoded(), "application/ocsp-response");
        }

        var signer = new BcCertificate(issuer.Certificate.RawData);
        var serial = certificateId.SerialNumber.ToString(16);
        CertificateStatus status = Revoked.ContainsKey(serial)
            ? new RevokedStatus(DateTime.UtcNow.AddHours(-1), CrlReason.KeyCompromise)
            : CertificateStatus.Good;
        var generator = new BasicOcspRespGenerator(signer.GetPublicKey());
        generator.AddResponse(certificateId, status, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1), null);
        var basic = generator.Generate("SHA256WITHECDSA", PrivateKeyFactory.CreateKey(issuer.Key.ExportPkcs8PrivateKey()), [signer], DateTime.UtcNow);
        return Results.Bytes(new OCSPRespGenerator().Generate(OCSPRespGenerator.Successful, basic).GetEncoded(), "application/ocsp-response");
    }
}
