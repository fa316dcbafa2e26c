using ChargePortal.Ocpp;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Reservations;

/// <summary>What a station said to ReserveNow / CancelReservation, in words for the driver.</summary>
public sealed record StationReply(bool Accepted, bool Unreachable, string Detail);

/// <summary>ReserveNow and CancelReservation through the version-neutral command service (audited like any command).</summary>
public sealed class ReservationCommands(StationCommandService commands, IOptions<ReservationOptions> options)
{
    public async Task<StationReply> ReserveAsync(Reservation reservation, CancellationToken ct)
    {
        var connector = reservation.Connector ?? throw new InvalidOperationException("The reservation's connector must be loaded.");
        var expiresAt = reservation.EndsAt + options.Value.Grace;

        // 1.6 addresses a connector; 2.0.1 reserves an EVSE.
        var where = connector.Station?.OcppVersion == OcppVersion.V201
            ? new ConnectorAddress(null, connector.EvseId)
            : new ConnectorAddress(connector.ConnectorId, null);
        var operation = new ReserveNowArguments(where, reservation.IdTag, expiresAt, reservation.Id);
        var result = await commands.ExecuteAsync(reservation.StationId, operation, new CommandActor("reservations", reservation.UserId), ct);
        return ToReply(result);
    }

    public async Task<StationReply> CancelAsync(Reservation reservation, string actorUserId, CancellationToken ct)
    {
        var result = await commands.ExecuteAsync(reservation.StationId, new CancelReservationArguments(reservation.Id), new CommandActor("reservations", actorUserId), ct);
        return ToReply(result);
    }

    private static StationReply ToReply(CommandResult<StationAnswer> result)
    {
        if (result.Error is { } error)
        {
            var unreachable = error.Kind is CommandFailure.Offline or CommandFailure.Timeout;
            return new(false, unreachable, error.Kind switch
            {
                CommandFailure.Offline => "The station is offline.",
                CommandFailure.Timeout => "The station did not answer in time.",
                CommandFailure.StationError => $"The station refused the request ({error.OcppErrorCode ?? "error"}).",
                _ => error.Detail,
            });
        }

        return result.Succeeded ? new(true, false, "The station accepted.") : new(false, false, $"The station answered {result.Answer!.StatusText}.");
    }
}
