using System.Globalization;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Transactions.Signing;

/// <summary>A meter public key the station reported, for one EVSE (0: the whole station).</summary>
public sealed record ReportedMeterKey(int EvseId, string PublicKey, string Source);

/// <summary>
/// Keeps each station's meter public keys (<see cref="StationMeterKey"/>): the newest one the station reported wins,
/// as a meter only changes its key when it is replaced.
/// </summary>
public sealed class StationMeterKeys(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<StationMeterKeys> logger)
{
    public const string FromSignedValue = "signed meter value";
    public const string FromV16Configuration = "MeterPublicKey configuration key";
    public const string FromV201Variable = "FiscalMetering.PublicKey variable";

    private const string V16KeyPrefix = "MeterPublicKey";

    /// <summary>1.6 (whitepaper 3.3.1): the EVSE a <c>MeterPublicKey[ConnectorID]</c> configuration key is for; null for other keys.</summary>
    public static int? V16ConfigurationConnector(string key) =>
        key.StartsWith(V16KeyPrefix, StringComparison.Ordinal)
        && int.TryParse(key.AsSpan(V16KeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var connector)
            ? connector
            : null;

    public async Task RememberAsync(string stationId, IReadOnlyList<ReportedMeterKey> keys, CancellationToken ct)
    {
        var reported = keys.Where(k => !string.IsNullOrWhiteSpace(k.PublicKey))
            .GroupBy(k => k.EvseId).Select(g => g.Last()).ToList();
        if (reported.Count == 0)
        {
            return;
        }

        try
        {
            await SaveAsync(stationId, reported, ct);
        }
        catch (DbUpdateException)
        {
            // Another writer added the same EVSE's key at this moment: the second try updates it.
            try
            {
                await SaveAsync(stationId, reported, ct);
            }
            catch (DbUpdateException e)
            {
                logger.LogWarning(e, "The meter public keys of {StationId} could not be stored; the signed values still carry theirs", stationId);
            }
        }
    }

    private async Task SaveAsync(string stationId, IReadOnlyList<ReportedMeterKey> reported, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evses = reported.Select(k => k.EvseId).ToList();
        var known = await db.StationMeterKeys.Where(k => k.StationId == stationId && evses.Contains(k.EvseId)).ToListAsync(ct);
        foreach (var key in reported)
        {
            var row = known.Find(k => k.EvseId == key.EvseId);
            if (row is null)
            {
                db.StationMeterKeys.Add(new StationMeterKey { StationId = stationId, EvseId = key.EvseId, PublicKey = key.PublicKey.Trim(), Source = key.Source, UpdatedAt = time.GetUtcNow() });
            }
            else if (row.PublicKey != key.PublicKey.Trim())
            {
                row.PublicKey = key.PublicKey.Trim();
                row.Source = key.Source;
                row.UpdatedAt = time.GetUtcNow();
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The key for the EVSE of a session: its own, else the station-wide one (EVSE 0).</summary>
    public static async Task<string?> ForEvseAsync(AppDbContext db, string stationId, int evseId, CancellationToken ct) =>
        await db.StationMeterKeys.AsNoTracking()
            .Where(k => k.StationId == stationId && (k.EvseId == evseId || k.EvseId == 0))
            .OrderByDescending(k => k.EvseId).Select(k => k.PublicKey).FirstOrDefaultAsync(ct);
}
