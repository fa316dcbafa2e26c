using ChargePortal.Ocpp.V201;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Ocpp;

namespace ChargePortal.Web.CustomerInformation;

/// <summary>
/// Stores every answered CustomerInformation request of a 2.0.1 station (whoever sent it) and every
/// NotifyCustomerInformation part, keyed by station and request id; a repeated part replaces the earlier copy.
/// </summary>
public sealed class CustomerInformationLedger(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, ILogger<CustomerInformationLedger> logger)
    : StationFrameLedger(dbFactory, writeGate, logger)
{
    public const string Request = "CustomerInformation";
    public const string Notify = "NotifyCustomerInformation";

    private static readonly HashSet<string> Handled = new(StringComparer.Ordinal) { Request, Notify };

    protected override IReadOnlySet<string> Actions => Handled;

    protected override async Task ApplyAsync(AppDbContext db, AnsweredCall exchange, CancellationToken ct)
    {
        if (exchange.Action == Request)
        {
            var request = exchange.Request<CustomerInformationRequest>();
            var (kind, customer, detail) = request switch
            {
                { IdToken: { } token } => ("IdToken", token.Value, OcppEnumText.Of(token.Type)),
                { CustomerCertificate: { } certificate } => ("CustomerCertificate", certificate.SerialNumber, OcppEnumText.Of(certificate.HashAlgorithm)),
                _ => ("CustomerIdentifier", request.CustomerIdentifier ?? "", (string?)null),
            };
            db.CustomerInformationRequests.Add(new CustomerInformationRequestRecord
            {
                StationId = exchange.StationId,
                RequestId = request.RequestId,
                Report = request.Report,
                Clear = request.Clear,
                CustomerKind = kind,
                Customer = customer,
                CustomerDetail = detail,
                Status = OcppEnumText.Of(exchange.Response<CustomerInformationResponse>().Status),
                AnsweredAt = exchange.AnsweredAt,
            });
            return;
        }

        var part = exchange.Request<NotifyCustomerInformationRequest>();
        var existing = await db.CustomerInformationParts.FirstOrDefaultAsync(
            p => p.StationId == exchange.StationId && p.RequestId == part.RequestId && p.SeqNo == part.SeqNo, ct);
        if (existing is null)
        {
            existing = new CustomerInformationPart { StationId = exchange.StationId, RequestId = part.RequestId, SeqNo = part.SeqNo, Data = "" };
            db.CustomerInformationParts.Add(existing);
        }

        existing.Tbc = part.Tbc == true;
        existing.Data = part.Data;
        existing.GeneratedAt = part.GeneratedAt;
        existing.ReceivedAt = exchange.AnsweredAt;
        if (part.Tbc != true
            && await db.CustomerInformationRequests.Where(r => r.StationId == exchange.StationId && r.RequestId == part.RequestId)
                .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct) is { } owner)
        {
            owner.CompletedAt ??= exchange.AnsweredAt;
        }
    }
}
