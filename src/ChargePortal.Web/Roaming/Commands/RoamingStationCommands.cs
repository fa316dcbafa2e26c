using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Roaming.Commands;

/// <summary>The outcome of a command at the station, as an OCPI CommandResultType and a message.</summary>
public sealed record StationOutcome(string Result, string? Message);

/// <summary>
/// Every call roaming makes into <see cref="StationCommandService"/>, in one place (the service is moving to typed
/// operations; only this class needs to follow). Maps OCPI's addressing onto the version-neutral command bodies and
/// the station's answer onto OCPI's CommandResultType.
/// </summary>
public sealed class RoamingStationCommands(StationCommandService commands, IDbContextFactory<AppDbContext> dbFactory, IOptions<RoamingOptions> options)
{
    public async Task<StationOutcome> StartAsync(string partnerName, string stationId, int evseId, string idTag, CancellationToken ct) =>
        await RunAsync(partnerName, stationId, "remote-start", new { idTag, connectorId = evseId }, ct);

    public async Task<StationOutcome> StopAsync(string partnerName, string stationId, string ocppTransactionId, CancellationToken ct) =>
        await RunAsync(partnerName, stationId, "remote-stop", new { transactionId = ocppTransactionId }, ct);

    public async Task<StationOutcome> ReserveAsync(string partnerName, string stationId, int? evseId, string idTag, DateTimeOffset expiresAt, string reservationId, CancellationToken ct) =>
        await RunAsync(partnerName, stationId, "reserve-now",
            new { idTag, connectorId = evseId ?? 0, expiresAt, reservationId = OcppReservationId(reservationId) }, ct);

    public async Task<StationOutcome> CancelReservationAsync(string partnerName, string stationId, string reservationId, CancellationToken ct) =>
        await RunAsync(partnerName, stationId, "cancel-reservation", new { reservationId = OcppReservationId(reservationId) }, ct);

    public async Task<StationOutcome> UnlockAsync(string partnerName, string stationId, int evseId, int connectorId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.Stations.Where(s => s.Id == stationId).Select(s => s.OcppVersion).FirstOrDefaultAsync(ct);

        // 1.6 knows connectors only (each its own EVSE); 2.0.1 addresses a connector within an EVSE.
        object body = version == OcppVersion.V201 ? new { evseId, connectorId } : new { connectorId = evseId };
        return await RunAsync(partnerName, stationId, "unlock", body, ct);
    }

    /// <summary>OCPI reservation ids are strings, OCPP's integers: a numeric id is kept, another maps to a stable hash.</summary>
    public static int OcppReservationId(string reservationId) =>
        int.TryParse(reservationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(reservationId)), 0) & 0x7FFF_FFFF);

    private async Task<StationOutcome> RunAsync(string partnerName, string stationId, string command, object body, CancellationToken ct)
    {
        var json = JsonSerializer.SerializeToElement(body, JsonSerializerOptions.Web);
        var baseUri = Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out var configured) ? configured : new Uri("http://localhost/");
        var result = await commands.ExecuteAsync(stationId, command, json, new CommandActor($"OCPI partner {partnerName}", null), baseUri, ct);
        if (result.Failure is { } failure)
        {
            return new StationOutcome(failure switch
            {
                CommandFailure.Timeout => "TIMEOUT",
                CommandFailure.BadArguments => "REJECTED",
                CommandFailure.Offline => "EVSE_INOPERATIVE",
                _ => "FAILED",
            }, result.Detail);
        }

        var status = result.Answer?["status"]?.ToString();
        return new StationOutcome(status switch
        {
            "Accepted" or "Unlocked" => "ACCEPTED",
            "Occupied" => "EVSE_OCCUPIED",
            "Faulted" or "Unavailable" => "EVSE_INOPERATIVE",
            "NotSupported" => "NOT_SUPPORTED",
            "Rejected" when command == "cancel-reservation" => "UNKNOWN_RESERVATION",
            "Rejected" => "REJECTED",
            _ => "FAILED",
        }, $"The station answered {status ?? "without a status"}.");
    }
}
