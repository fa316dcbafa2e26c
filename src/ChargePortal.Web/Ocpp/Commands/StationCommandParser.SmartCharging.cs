using System.Text.Json;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>The body of get-charging-profiles: <c>{"requestId"?, "evseId"?, "purpose"?, "stackLevel"?, "sources"?, "profileIds"?}</c>.</summary>
public static partial class StationCommandParser
{
    private static readonly IReadOnlyDictionary<string, ChargingLimitSource> ChargingLimitSources = CommandBody.Choices<ChargingLimitSource>();

    private static GetChargingProfilesArguments GetChargingProfiles(CommandBody body)
    {
        var sources = body.OptionalStringList("sources").Select((s, i) => ChargingLimitSources.TryGetValue(s, out var source)
            ? source
            : throw new StationCommandArgumentException("sources", $"sources[{i}] must be one of {string.Join(", ", ChargingLimitSources.Keys)}; got \"{s}\".")).ToList();
        var ids = IntList(body, "profileIds");
        var purpose = body.OptionalChoice("purpose", ProfilePurposes);
        var stackLevel = body.OptionalInt("stackLevel");
        var byFields = purpose is not null || stackLevel is not null || sources.Count > 0;
        if (ids.Count == 0 && !byFields)
        {
            throw new StationCommandArgumentException("profileIds",
                "Name the profiles to report: profileIds, or one or more of purpose, stackLevel and sources (K09.FR.03).");
        }

        if (ids.Count > 0 && byFields)
        {
            throw new StationCommandArgumentException("profileIds",
                "Give either profileIds or purpose/stackLevel/sources, not both (K09.FR.03).");
        }

        return new GetChargingProfilesArguments(body.OptionalInt("requestId"), body.OptionalInt(EvseId), purpose, stackLevel, sources, ids);
    }

    /// <summary>An array of distinct integers of at least 0; absent means empty.</summary>
    private static List<int> IntList(CommandBody body, string name)
    {
        if (body.OptionalValue(name) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw new StationCommandArgumentException(name, $"{name} must be a non-empty array of integers, got {CommandBody.Describe(value)}.");
        }

        var list = new List<int>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var number) || number < 0)
            {
                throw new StationCommandArgumentException(name, $"{name}[{list.Count}] must be an integer >= 0, got {CommandBody.Describe(item)}.");
            }

            if (list.Contains(number))
            {
                throw new StationCommandArgumentException(name, $"{name} lists {number} more than once.");
            }

            list.Add(number);
        }

        return list;
    }
}
