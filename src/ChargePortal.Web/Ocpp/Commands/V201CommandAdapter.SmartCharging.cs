using ChargePortal.Ocpp.V201;

namespace ChargePortal.Web.Ocpp.Commands;

public sealed partial class V201CommandAdapter
{
    private static OcppOutgoingCall GetChargingProfiles(GetChargingProfilesArguments arguments, StationCommandContext context) =>
        Call("GetChargingProfiles", new GetChargingProfilesRequest
        {
            RequestId = arguments.RequestId ?? context.RequestId,
            EvseId = arguments.EvseId,
            ChargingProfile = new ChargingProfileCriterion
            {
                ChargingProfilePurpose = arguments.Purpose is { } purpose ? Purpose(purpose) : null,
                StackLevel = arguments.StackLevel,
                ChargingProfileId = arguments.ProfileIds.Count == 0 ? null : arguments.ProfileIds,
                ChargingLimitSource = arguments.Sources.Count == 0 ? null : [.. arguments.Sources.Select(LimitSource)],
            },
        });

    internal static ChargingLimitSourceEnum LimitSource(ChargingLimitSource source) => source switch
    {
        ChargingLimitSource.EMS => ChargingLimitSourceEnum.EMS,
        ChargingLimitSource.Other => ChargingLimitSourceEnum.Other,
        ChargingLimitSource.SO => ChargingLimitSourceEnum.SO,
        ChargingLimitSource.CSO => ChargingLimitSourceEnum.CSO,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
