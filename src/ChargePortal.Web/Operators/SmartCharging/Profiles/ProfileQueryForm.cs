using System.Globalization;
using ChargePortal.Web.Ocpp.Commands;

namespace ChargePortal.Web.Operators.SmartCharging.Profiles;

/// <summary>The smart charging page's GetChargingProfiles criteria, checked as the command API checks them (K09.FR.03).</summary>
public sealed class ProfileQueryForm
{
    public int? EvseId { get; set; }
    public ProfilePurpose? Purpose { get; set; }
    public int? StackLevel { get; set; }
    public ChargingLimitSource? Source { get; set; }

    /// <summary>Comma-separated profile ids.</summary>
    public string? ProfileIds { get; set; }

    public (GetChargingProfilesArguments? Operation, string? Error) ToOperation()
    {
        var ids = new List<int>();
        foreach (var part in (ProfileIds ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return (null, $"\"{part}\" is not a profile id (a whole number of 0 or more).");
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        if (EvseId is < 0 || StackLevel is < 0)
        {
            return (null, "EVSE and stack level are 0 or more.");
        }

        var byFields = Purpose is not null || StackLevel is not null || Source is not null;
        return (ids.Count, byFields) switch
        {
            (0, false) => (null, "Choose what to report: profile ids, or a purpose, stack level or source."),
            ( > 0, true) => (null, "Give either profile ids or purpose/stack level/source, not both."),
            _ => (new GetChargingProfilesArguments(null, EvseId, Purpose, StackLevel, Source is { } s ? [s] : [], ids), null),
        };
    }
}
