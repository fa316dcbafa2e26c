using ChargePortal.Web.Live;

namespace ChargePortal.Web.Realtime;

/// <summary>
/// What the live hub calls on its clients: one method per station event, so clients in any language
/// receive a plain, typed JSON object per call (no polymorphic envelope to decode).
/// </summary>
public interface ILiveClient
{
    Task StationConnected(StationConnected e);

    Task StationDisconnected(StationDisconnected e);

    Task StationBooted(StationBooted e);

    Task ConnectorStatusChanged(ConnectorStatusChanged e);

    Task StationFaulted(StationFaulted e);

    Task MeterValuesReceived(MeterValuesReceived e);

    Task TransactionStarted(TransactionStarted e);

    Task TransactionUpdated(TransactionUpdated e);

    Task TransactionEnded(TransactionEnded e);

    Task StationNotification(StationNotification e);

    Task CommandCompleted(CommandCompleted e);
}

/// <summary>Group names of the live hub. A station event goes to its station, its site, "all" and (if any) its session.</summary>
public static class LiveGroups
{
    public const string All = "all";

    public static string Station(string stationId) => "station:" + stationId;

    public static string Site(int siteId) => "site:" + siteId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>OCPP transaction ids are unique per station only (1.6 counts from 1 everywhere), hence the pair.</summary>
    public static string Session(string stationId, string transactionId) => $"session:{stationId}:{transactionId}";

    /// <summary>The OCPP transaction an event belongs to, if it names one.</summary>
    public static string? TransactionOf(StationEvent e) => e switch
    {
        TransactionStarted t => t.TransactionId,
        TransactionUpdated t => t.TransactionId,
        TransactionEnded t => t.TransactionId,
        MeterValuesReceived m => m.TransactionId,
        _ => null,
    };
}
