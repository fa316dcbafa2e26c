using System.Text.Json;
using ChargePortal.Ocpp;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Reservations;

/// <summary>What a station said to ReserveNow / CancelReservation, in words for the driver.</summary>
public sealed record StationReply(bool Accepted, bool Unreachable, string Detail);

/// <summary>ReserveNow and CancelReservation through the version-neutral command service (audited like any command).</summary>
public sealed class ReservationCommands(StationCommandService commands, IOptions<ReservationOptions> options)
{
    // The base URI only matters for diagnostics uploads; reservation commands never use it.
    private static readonly Uri NoUploads = new("http://localhost/");

    public async Task<StationReply> ReserveAsync(Reservation reservation, CancellationToken ct)
    {
        var connector = reservation.Connector ?? throw new InvalidOperationException("The reservation's connector must be loaded.");
        var expiresAt = reservation.EndsAt + options.Value.Grace;

        // 1.6 addresses a connector; 2.0.1 reserves an EVSE.
        var body = connector.Station?.OcppVersion == OcppVersion.V201
            ? JsonSerializer.SerializeToElement(new { evseId = connector.EvseId, idTag = reservation.IdTag, expiresAt, reservationId = reservation.Id })
            : JsonSerializer.SerializeToElement(new { connectorId = connector.ConnectorId, idTag = reservation.IdTag, expiresAt, reservationId = reservation.Id });
        var result = await commands.ExecuteAsync(reservation.StationId, "reserve-now", body, new CommandActor("reservations", reservation.UserId), NoUploads, ct);
        return ToReply(result);
    }

    public async Task<StationReply> CancelAsync(Reservation reservation, string actorUserId, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToElement(new { reservationId = reservation.Id });
        var result = await commands.ExecuteAsync(reservation.StationId, "cancel-reservation", body, new CommandActor("reservations", actorUserId), NoUploads, ct);
        return ToReply(result);
    }

    private static StationReply ToReply(CommandResult result)
    {
        if (result.Failure is { } failure)
        {
            var unreachable = failure is CommandFailure.Offline or CommandFailure.Timeout;
            return new(false, unreachable, failure switch
            {
                CommandFailure.Offline => "The station is offline.",
                CommandFailure.Timeout => "The station did not answer in time.",
                CommandFailure.StationError => $"The station refused the request ({result.OcppErrorCode ?? "error"}).",
                _ => result.Detail ?? failure.ToString(),
            });
        }

        var status = result.Answer?["status"]?.ToString() ?? "no status";
        return status == "Accepted" ? new(true, false, "The station accepted.") : new(false, false, $"The station answered {status}.");
    }
}
