using ChargePortal.Web.Live;

namespace ChargePortal.Web.Alerts;

/// <summary>Which station events open an alert.</summary>
public static class AlertRules
{
    // CommandCompleted outcomes are "<status>" for an answer and "<Failure>: <detail>" when the command failed.
    private static readonly string[] FailurePrefixes = ["Offline:", "Timeout:", "StationError:", "BadArguments:"];

    public static bool IsFailedOutcome(string outcome) =>
        FailurePrefixes.Any(p => outcome.StartsWith(p, StringComparison.Ordinal));

    public static AlertRequest? For(StationEvent stationEvent) => stationEvent switch
    {
        StationFaulted f => new AlertRequest(AlertKind.ConnectorFault, f.StationId, f.EvseId, f.ConnectorId,
            string.IsNullOrWhiteSpace(f.Info) ? $"Connector {f.ConnectorId} faulted: {f.ErrorCode}" : $"Connector {f.ConnectorId} faulted: {f.ErrorCode} ({f.Info})"),
        CommandCompleted c when IsFailedOutcome(c.Outcome) => new AlertRequest(AlertKind.CommandFailed, c.StationId, 0, 0,
            $"Command '{c.Command}' failed: {c.Outcome}"),
        _ => null,
    };
}
