using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Operators.Console;

public sealed record ActiveSessionDto(string TransactionId, int EvseId, int ConnectorId, string? IdTag, DateTimeOffset StartedAt, long EnergyWh, long? MeterStartWh);

public sealed record ChartPoint(DateTimeOffset At, decimal? PowerW, decimal? EnergyKwh);

public sealed record TokenOption(string IdTag, string? Label, IdTokenStatus Status);

public sealed record MessageLogRow(long Id, DateTimeOffset At, MessageDirection Direction, int MessageType, string? MessageId, string? Action, string Payload);

public sealed record MessageLogFilter(MessageDirection? Direction, string? Action, string? Text, int Skip, int Take);

public sealed record MessageLogPage(IReadOnlyList<MessageLogRow> Rows, int Total);

/// <summary>The read side of the operator station console (operators only; callers check the policy).</summary>
public sealed class StationConsoleQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly string[] ChartMeasurands = ["Power.Active.Import", "Energy.Active.Import.Register"];

    public async Task<IReadOnlyList<ActiveSessionDto>> ActiveSessionsAsync(string stationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Transactions.AsNoTracking()
            .Where(t => t.StationId == stationId && t.Status == TransactionStatus.Active)
            .OrderBy(t => t.EvseId)
            .Select(t => new ActiveSessionDto(t.OcppTransactionId, t.EvseId, t.ConnectorId, t.IdTag, t.StartedAt, t.EnergyWh, t.MeterStartWh))
            .ToListAsync(ct);
    }

    /// <summary>The latest samples of a session for the chart: power as sent, energy as kWh charged so far.</summary>
    public async Task<IReadOnlyList<ChartPoint>> ChartAsync(string stationId, string transactionId, int maxPoints, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Transactions.AsNoTracking()
            .Where(t => t.StationId == stationId && t.OcppTransactionId == transactionId)
            .Select(t => new { t.Id, t.MeterStartWh })
            .FirstOrDefaultAsync(ct);
        if (session is null)
        {
            return [];
        }

        var samples = await db.MeterValues.AsNoTracking()
            .Where(m => m.TransactionId == session.Id && ChartMeasurands.Contains(m.Measurand) && m.Phase == null)
            .OrderByDescending(m => m.Timestamp).Take(maxPoints * 2)
            .Select(m => new { m.Timestamp, m.Measurand, m.Value, m.Unit })
            .ToListAsync(ct);
        return [.. samples.GroupBy(s => s.Timestamp).OrderBy(g => g.Key).TakeLast(maxPoints).Select(g =>
        {
            var power = g.FirstOrDefault(s => s.Measurand == "Power.Active.Import");
            var energy = g.FirstOrDefault(s => s.Measurand == "Energy.Active.Import.Register");
            var powerW = power is null ? (decimal?)null : power.Unit == "kW" ? power.Value * 1000 : power.Value;
            var energyWh = energy is null ? (decimal?)null : energy.Unit == "kWh" ? energy.Value * 1000 : energy.Value;
            return new ChartPoint(g.Key, powerW, energyWh is { } wh ? (wh - (session.MeterStartWh ?? 0)) / 1000m : null);
        })];
    }

    public async Task<IReadOnlyList<TokenOption>> TokensAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IdTokens.AsNoTracking().OrderBy(t => t.IdTag).Take(500)
            .Select(t => new TokenOption(t.IdTag, t.Label, t.Status)).ToListAsync(ct);
    }

    public async Task<MessageLogPage> MessageLogAsync(string stationId, MessageLogFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.OcppMessageLog.AsNoTracking().Where(m => m.StationId == stationId);
        if (filter.Direction is { } direction)
        {
            query = query.Where(m => m.Direction == direction);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(m => m.Action == filter.Action.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(m => m.Payload.Contains(text) || (m.MessageId != null && m.MessageId.Contains(text)));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.At).ThenByDescending(m => m.Id)
            .Skip(Math.Max(0, filter.Skip)).Take(Math.Clamp(filter.Take, 1, 200))
            .Select(m => new MessageLogRow(m.Id, m.At, m.Direction, m.MessageType, m.MessageId, m.Action, m.Payload))
            .ToListAsync(ct);
        return new MessageLogPage(rows, total);
    }

    /// <summary>The actions seen for this station, for the log's action filter.</summary>
    public async Task<IReadOnlyList<string>> MessageActionsAsync(string stationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OcppMessageLog.AsNoTracking().Where(m => m.StationId == stationId && m.Action != null)
            .Select(m => m.Action!).Distinct().OrderBy(a => a).Take(100).ToListAsync(ct);
    }
}
