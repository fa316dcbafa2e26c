using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Roaming.Commands;

/// <summary>The outcome of a command at the station, as an OCPI CommandResultType and a message.</summary>
public sealed record StationOutcome(string Result, string? Message);

/// <summary>
/// Every call roaming makes into <see cref="StationCommandService"/>, in one place (the service is moving to typed
/// operations; only this class needs to follow). Maps OCPI's addressing onto the version-neutral command bodies and
/// the station's answer onto OCPI's CommandResultType.
/// </summary>
public sealed class RoamingStationCommands(StationCommandService commands, IDbContextFactory<AppDbContext> dbFactory)
{
    public Task<StationOutcome> StartAsync(string partnerName, string stationId, int evseId, string idTag, CancellationToken ct) =>
        RunAsync(partnerName, stationId, new RemoteStartArguments(idTag, new ConnectorAddress(evseId, null)), ct);

    public Task<StationOutcome> StopAsync(string partnerName, string stationId, string ocppTransactionId, CancellationToken ct) =>
        RunAsync(partnerName, stationId, new RemoteStopArguments(ocppTransactionId), ct);

    public Task<StationOutcome> ReserveAsync(string partnerName, string stationId, int? evseId, string idTag, DateTimeOffset expiresAt, string reservationId, CancellationToken ct) =>
        RunAsync(partnerName, stationId, new ReserveNowArguments(new ConnectorAddress(evseId ?? 0, null), idTag, expiresAt, OcppReservationId(reservationId)), ct);

    public Task<StationOutcome> CancelReservationAsync(string partnerName, string stationId, string reservationId, CancellationToken ct) =>
        RunAsync(partnerName, stationId, new CancelReservationArguments(OcppReservationId(reservationId)), ct);

    public async Task<StationOutcome> UnlockAsync(string partnerName, string stationId, int evseId, int connectorId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.Stations.Where(s => s.Id == stationId).Select(s => s.OcppVersion).FirstOrDefaultAsync(ct);

        // 1.6 knows connectors only (each its own EVSE); 2.0.1 addresses a connector within an EVSE.
        var where = version == OcppVersion.V201 ? new ConnectorAddress(connectorId, evseId) : new ConnectorAddress(evseId, null);
        return await RunAsync(partnerName, stationId, new UnlockArguments(where), ct);
    }

    /// <summary>OCPI reservation ids are strings, OCPP's integers: a numeric id is kept, another maps to a stable hash.</summary>
    public static int OcppReservationId(string reservationId) =>
        int.TryParse(reservationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(reservationId)), 0) & 0x7FFF_FFFF);

    private async Task<StationOutcome> RunAsync(string partnerName, string stationId, StationCommandArguments operation, CancellationToken ct)
    {
        var result = await commands.ExecuteAnyAsync(stationId, operation, new CommandActor($"OCPI partner {partnerName}", null), ct);
        if (result.Error is { } error)
        {
            return new StationOutcome(error.Kind switch
            {
                CommandFailure.Timeout => "TIMEOUT",
                CommandFailure.BadArguments => "REJECTED",
                CommandFailure.Offline => "EVSE_INOPERATIVE",
                _ => "FAILED",
            }, error.Detail);
        }

        var answer = result.Answer!;
        return new StationOutcome(answer.Status switch
        {
            CommandStatus.Accepted or CommandStatus.Unlocked => "ACCEPTED",
            CommandStatus.Occupied => "EVSE_OCCUPIED",
            CommandStatus.Faulted or CommandStatus.Unavailable => "EVSE_INOPERATIVE",
            CommandStatus.NotSupported => "NOT_SUPPORTED",
            CommandStatus.Rejected when operation is CancelReservationArguments => "UNKNOWN_RESERVATION",
            CommandStatus.Rejected => "REJECTED",
            _ => "FAILED",
        }, $"The station answered {answer.StatusText}.");
    }
}
