using ChargePortal.Web.Alerts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.StationSecurity.Certificates;

/// <summary>
/// Raises a CertificateExpiring alert for each station certificate in the inventory that expires within
/// StationCa:ExpiryWarningDays: the newest certificate the CSMS issued to a station (older ones are superseded) and the
/// root certificates the station reported. An alert clears once the certificate is renewed or no longer listed.
/// </summary>
public sealed class CertificateExpiryAlerts(
    IDbContextFactory<AppDbContext> dbFactory, AlertService alerts, IOptions<StationCaOptions> options, TimeProvider time)
{
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var horizon = now.AddDays(Math.Max(0, options.Value.ExpiryWarningDays));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.StationCertificates.AsNoTracking()
            .Where(c => c.NotAfter != null && (c.Source == StationCertificateSource.Reported || c.DeliveryStatus == "Accepted"))
            .Select(c => new { c.StationId, c.Source, c.CertificateType, c.SerialNumber, c.Subject, c.NotBefore, c.NotAfter })
            .ToListAsync(ct);

        // A station uses its newest issued certificate (A02.FR.09): only that one's expiry matters.
        var current = rows.Where(r => r.Source == StationCertificateSource.Reported)
            .Concat(rows.Where(r => r.Source == StationCertificateSource.Issued).GroupBy(r => r.StationId).Select(g => g.MaxBy(r => r.NotBefore)!))
            .ToList();
        var raised = 0;
        foreach (var c in current.Where(c => c.NotAfter <= horizon))
        {
            var message = c.NotAfter <= now
                ? $"{c.CertificateType} {c.Subject} (serial {c.SerialNumber}) expired at {c.NotAfter:u}."
                : $"{c.CertificateType} {c.Subject} (serial {c.SerialNumber}) expires at {c.NotAfter:u}, in {(c.NotAfter!.Value - now).TotalDays:0} days.";
            if (await alerts.RaiseAsync(new AlertRequest(AlertKind.CertificateExpiring, c.StationId, 0, 0, message[..Math.Min(message.Length, 500)], Subject: c.SerialNumber), ct))
            {
                raised++;
            }
        }

        // Renewed or removed certificates no longer warn.
        var open = await db.Alerts.AsNoTracking().Where(a => a.Kind == AlertKind.CertificateExpiring && a.OpenKey != null && a.ClearedAt == null)
            .Select(a => new { a.StationId, a.OpenKey }).ToListAsync(ct);
        var stillExpiring = current.Where(c => c.NotAfter <= horizon)
            .Select(c => Alert.KeyFor(AlertKind.CertificateExpiring, c.StationId, 0, 0, c.SerialNumber)).ToHashSet(StringComparer.Ordinal);
        foreach (var alert in open.Where(a => !stillExpiring.Contains(a.OpenKey!)))
        {
            var key = alert.OpenKey!;
            var serial = key[(key.LastIndexOf('|') + 1)..];
            await alerts.ClearAsync(AlertKind.CertificateExpiring, alert.StationId, 0, 0, serial, ct);
        }

        return raised;
    }
}

/// <summary>Runs <see cref="CertificateExpiryAlerts"/> at start and then every StationCa:ExpiryCheckMinutes on the cluster's leader.</summary>
public sealed class CertificateExpiryService(
    CertificateExpiryAlerts expiry, IClusterSingletonGate gate, IOptions<StationCaOptions> options, TimeProvider time, ILogger<CertificateExpiryService> logger) : BackgroundService
{
    public const string JobName = "certificate-expiry";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.ExpiryCheckMinutes)), time);
        do
        {
            try
            {
                if (await gate.IsLeaderAsync(JobName, stoppingToken))
                {
                    await expiry.CheckAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Checking station certificate expiry failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
