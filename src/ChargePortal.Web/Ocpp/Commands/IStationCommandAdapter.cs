using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Ocpp;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>An OCPP CALL ready to send: the action name and its schema-valid payload.</summary>
public sealed record OcppOutgoingCall(string Action, JsonElement Payload);

/// <summary>Translates version-neutral station commands to one OCPP version's calls, and the station's answers back.</summary>
public interface IStationCommandAdapter
{
    OcppVersion Version { get; }

    /// <summary>The CALL for <paramref name="arguments"/>; the payload is validated against the version's OCA schema.</summary>
    /// <exception cref="StationCommandArgumentException">The arguments cannot be expressed in this version (HTTP 400).</exception>
    OcppOutgoingCall Build(StationCommandArguments arguments, StationCommandContext context);

    /// <summary>
    /// The HTTP API's answer for the station's CALLRESULT <paramref name="response"/> to <paramref name="call"/>: every
    /// response field as the station sent it, plus <c>action</c>, a guaranteed <c>status</c> and, where the versions
    /// differ, neutral fields (<c>configuration</c>, <c>unknownKeys</c>, <c>listVersion</c>).
    /// </summary>
    JsonObject MapAnswer(OcppOutgoingCall call, JsonElement response);
}

/// <summary>The adapter of each OCPP version. Adapters are stateless, so one instance each serves every station.</summary>
public static class StationCommandAdapters
{
    private static readonly IStationCommandAdapter V16 = new V16CommandAdapter();
    private static readonly IStationCommandAdapter V201 = new V201CommandAdapter();

    public static IStationCommandAdapter For(OcppVersion version) => version switch
    {
        OcppVersion.V16 => V16,
        OcppVersion.V201 => V201,
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };
}
