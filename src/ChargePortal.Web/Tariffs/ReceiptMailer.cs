using System.Globalization;
using System.Net;
using System.Text;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Tariffs;

/// <summary>Mails the receipt of a completed session to the driver who owns it.</summary>
public sealed class ReceiptMailer(IDbContextFactory<AppDbContext> dbFactory, LiveCost liveCost, IMailTransport mail, ILogger<ReceiptMailer> logger)
{
    public async Task SendAsync(long transactionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var email = await db.Transactions.Where(t => t.Id == transactionId && t.UserId != null).Select(t => t.User!.Email).FirstOrDefaultAsync(ct);
        var priced = await liveCost.EstimateAsync(transactionId, ct);
        if (string.IsNullOrEmpty(email) || priced is null)
        {
            return;
        }

        try
        {
            await mail.SendAsync(new OutgoingMail(email, $"Your charging receipt — session {transactionId}", Html(priced)), ct);
        }
        catch (Exception e) when (e is IOException or System.Net.Mail.SmtpException or InvalidOperationException)
        {
            // The receipt stays available at /sessions/{id}/receipt; a mail failure must not undo the pricing.
            logger.LogWarning(e, "Receipt mail for session {TransactionId} failed", transactionId);
        }
    }

    internal static string Html(SessionCost priced)
    {
        var c = CultureInfo.InvariantCulture;
        var t = priced.Transaction;
        var local = TimeZoneInfo.ConvertTime(t.StartedAt, priced.SiteTimeZone);
        var sb = new StringBuilder();
        sb.Append(c, $"<h1>Charging receipt</h1><p>Session {t.Id} at {WebUtility.HtmlEncode(t.StationId)}, connector {t.ConnectorId}<br>");
        sb.Append(c, $"Started {local:yyyy-MM-dd HH:mm} ({WebUtility.HtmlEncode(priced.SiteTimeZone.Id)}), {t.EnergyWh / 1000m:0.000} kWh</p>");
        if (priced.Cost is { } cost)
        {
            sb.Append("<table><tr><th>Item</th><th>Quantity</th><th>Unit price</th><th>Amount</th></tr>");
            foreach (var line in cost.Lines)
            {
                sb.Append(c, $"<tr><td>{WebUtility.HtmlEncode(line.Description)}</td><td>{line.Quantity:0.####} {line.Unit}</td><td>{TariffText.Money(line.UnitPrice, cost.Currency, c)}</td><td>{TariffText.Money(line.Amount, cost.Currency, c)}</td></tr>");
            }

            sb.Append(c, $"</table><p>Net {TariffText.Money(cost.Net, cost.Currency, c)}<br>VAT {cost.VatPercent:0.##}% {TariffText.Money(cost.Vat, cost.Currency, c)}<br>");
            sb.Append(c, $"<strong>Total {TariffText.Money(t.Cost ?? cost.Total, cost.Currency, c)}</strong></p>");
        }
        else
        {
            sb.Append("<p>No tariff applied to this session: nothing to pay.</p>");
        }

        return sb.ToString();
    }
}
