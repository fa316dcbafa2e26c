namespace ChargePortal.Web.Ocpp.Handling;

/// <summary>
/// A local controller's PublishFirmwareStatusNotification (L03) in the app's own terms: its status as OCPP spells it, the
/// publication's request id when it names one, and the URIs it now serves the image at.
/// </summary>
public sealed record FirmwarePublicationStatus(string Status, int? RequestId, IReadOnlyList<string> Locations);

/// <summary>Where the handlers hand a publication's progress; the firmware tools keep the timeline (registered there).</summary>
public interface IFirmwarePublicationLog
{
    /// <summary>Stored before the station's message is answered.</summary>
    Task RecordAsync(string stationId, FirmwarePublicationStatus status, CancellationToken ct);
}
