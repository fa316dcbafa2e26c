using System.Text.Json.Nodes;

namespace ChargePortal.Web.Ocpp.Commands;

// Reading back the charging profiles a 2.0.1 station has installed (K09). 1.6 has no such message; its adapter refuses it.

/// <summary>2.0.1 ChargingLimitSourceEnumType: who installed a profile or imposed a limit.</summary>
public enum ChargingLimitSource
{
    /// <summary>An Energy Management System on the premises.</summary>
    EMS,
    Other,

    /// <summary>The grid's System Operator (DSO/TSO).</summary>
    SO,

    /// <summary>The Charging Station Operator, i.e. this CSMS.</summary>
    CSO,
}

/// <summary>
/// GetChargingProfiles: the station reports the profiles matching the criteria in ReportChargingProfiles parts carrying
/// <see cref="RequestId"/> (the host allocates one when null). <see cref="EvseId"/> null reports every EVSE, 0 only the
/// station's own. K09.FR.03: the criteria are either <see cref="ProfileIds"/> or any of purpose, stack level and sources.
/// </summary>
public sealed record GetChargingProfilesArguments(
    int? RequestId, int? EvseId, ProfilePurpose? Purpose, int? StackLevel, IReadOnlyList<ChargingLimitSource> Sources, IReadOnlyList<int> ProfileIds)
    : StationOperation<ChargingProfilesAnswer>
{
    public override StationCommandName Command => StationCommandName.GetChargingProfiles;

    internal override StationAnswer ReadAnswer(JsonObject details, StationCommandContext context)
    {
        var answer = StationAnswer.From(details);
        var requestId = RequestId ?? context.RequestId;
        details["requestId"] = requestId;
        return new ChargingProfilesAnswer(answer.Status, answer.StatusText, details, requestId);
    }
}

/// <summary>GetChargingProfiles' answer: Accepted (reports follow with <see cref="RequestId"/>) or NoProfiles.</summary>
public sealed record ChargingProfilesAnswer(CommandStatus Status, string StatusText, JsonObject Details, int RequestId)
    : StationAnswer(Status, StatusText, Details)
{
    /// <summary>NoProfiles is an answer too: the station has none that match.</summary>
    public bool HasNone => Status == CommandStatus.NoProfiles;
}
