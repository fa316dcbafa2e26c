namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>
/// A feature that sends one kind of operation on its own terms when it comes through the command API (firmware updates
/// are signed and recorded on the station's timeline): the API hands the parsed operation over instead of sending it plainly.
/// </summary>
public interface IStationOperationSender<in TOperation>
    where TOperation : StationCommandArguments
{
    Task<CommandResult<StationAnswer>> SendAsync(string stationId, TOperation operation, CommandActor actor, CancellationToken ct);
}
