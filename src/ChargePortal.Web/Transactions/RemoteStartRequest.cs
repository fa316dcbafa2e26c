using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.Transactions;

/// <summary>
/// A 2.0.1 RequestStartTransaction the CSMS sent: the station echoes its remoteStartId in the TransactionEvent that
/// follows (F01/F02), often without the idToken, so this is how that session finds its token, driver and card hold.
/// </summary>
public sealed class RemoteStartRequest
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public int RemoteStartId { get; set; }
    public required string IdTag { get; set; }
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The session that answered it, once the station reported one.</summary>
    public long? TransactionId { get; set; }
}

internal sealed class RemoteStartRequestConfiguration : IEntityTypeConfiguration<RemoteStartRequest>
{
    public void Configure(EntityTypeBuilder<RemoteStartRequest> b)
    {
        b.ToTable("RemoteStartRequests");
        b.Property(r => r.StationId).HasMaxLength(Stations.Station.MaxIdLength);
        b.Property(r => r.IdTag).HasMaxLength(Tokens.IdToken.MaxIdTagLength);
        b.HasIndex(r => new { r.StationId, r.RemoteStartId });
        b.HasOne<Stations.Station>().WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Remembers the 2.0.1 remote starts sent, so the session a station starts for one belongs to its token. It observes the
/// operations the command service sends and records each 2.0.1 remote start before it goes out.
/// </summary>
public sealed class RemoteStarts(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time) : IStationCallObserver
{
    /// <summary>The session the station starts for it names only the remoteStartId (F01/F02): remember whose start it is.</summary>
    public Task OnSendingAsync(OutgoingOperation operation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation is { Operation: RemoteStartArguments start, Version: OcppVersion.V201 }
            ? RecordAsync(operation.StationId, operation.Context.RemoteStartId, start.IdTag, ct)
            : Task.CompletedTask;
    }

    /// <summary>Written before the request is sent: a quick station may report the session before it answers.</summary>
    public async Task RecordAsync(string stationId, int remoteStartId, string idTag, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RemoteStartRequests.Add(new RemoteStartRequest { StationId = stationId, RemoteStartId = remoteStartId, IdTag = idTag, RequestedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The idTag of the newest remote start with this id at this station; null when the CSMS never sent it.</summary>
    public async Task<string?> FindIdTagAsync(string stationId, int remoteStartId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RemoteStartRequests.AsNoTracking().Where(r => r.StationId == stationId && r.RemoteStartId == remoteStartId)
            .OrderByDescending(r => r.Id).Select(r => r.IdTag).FirstOrDefaultAsync(ct);
    }
}
