using System.Text.Json;

namespace ChargePortal.Web.Stations.Provisioning;

/// <summary>
/// The fields of <c>PATCH /api/stations/{id}</c> (DESIGN.md "Station security"), each present only when the body has it.
/// A field is added by giving it a property here, a case in <see cref="Parse"/> and a step in <see cref="StationEditor"/>.
/// </summary>
public sealed record StationPatch
{
    public static readonly string[] Fields = ["name", "siteId", "registrationStatus"];

    public string? Name { get; init; }

    /// <summary>Set when the body has <c>siteId</c>; its value null detaches the station from any site.</summary>
    public bool HasSiteId { get; init; }
    public int? SiteId { get; init; }

    public StationRegistrationStatus? RegistrationStatus { get; init; }

    /// <summary>The patch, or every problem of the body (nothing is applied then).</summary>
    public static (StationPatch? Patch, IReadOnlyList<string> Errors) Parse(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } json)
        {
            return (null, [$"A JSON object with any of {string.Join(", ", Fields)} is required."]);
        }

        var patch = new StationPatch();
        var errors = new List<string>();
        foreach (var property in json.EnumerateObject())
        {
            switch (property.Name)
            {
                case "name":
                    var name = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()!.Trim() : null;
                    if (string.IsNullOrEmpty(name) || name.Length > 120)
                    {
                        errors.Add("name: a non-empty string of at most 120 characters is required.");
                    }

                    patch = patch with { Name = name };
                    break;
                case "siteId":
                    if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        patch = patch with { HasSiteId = true, SiteId = null };
                    }
                    else if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var siteId))
                    {
                        patch = patch with { HasSiteId = true, SiteId = siteId };
                    }
                    else
                    {
                        errors.Add("siteId: a site id (integer) or null is required.");
                    }

                    break;
                case "registrationStatus":
                    if (property.Value.ValueKind == JsonValueKind.String
                        && Enum.TryParse<StationRegistrationStatus>(property.Value.GetString(), ignoreCase: false, out var status)
                        && Enum.IsDefined(status))
                    {
                        patch = patch with { RegistrationStatus = status };
                    }
                    else
                    {
                        errors.Add($"registrationStatus: one of {string.Join(", ", Enum.GetNames<StationRegistrationStatus>())} is required, not {property.Value.GetRawText()}.");
                    }

                    break;
                default:
                    errors.Add($"{property.Name}: not a station field that can be changed here ({string.Join(", ", Fields)}).");
                    break;
            }
        }

        return errors.Count > 0 ? (null, errors) : (patch, []);
    }
}
