using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ChargePortal.Web.Drivers.Find;

/// <summary>The driver map (section <c>Map</c>). Tiles come from wherever the operator points this; tests use a local blank tile.</summary>
public sealed class MapOptions : IValidatableObject
{
    public const string Section = "Map";

    [Required(AllowEmptyStrings = false)]

    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string Attribution { get; set; } = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

    /// <summary>"lat,lng" used when the browser does not share its position; empty: the centre of the sites.</summary>
    public string? DefaultCenter { get; set; }

    public GeoPoint? ParsedDefaultCenter => GeoPoint.TryParse(DefaultCenter, out var p) ? p : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(DefaultCenter) && ParsedDefaultCenter is null)
        {
            yield return new ValidationResult($"'{DefaultCenter}' is not \"latitude,longitude\" (e.g. 52.37,4.89).", [nameof(DefaultCenter)]);
        }
    }
}

public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public static bool TryParse(string? text, out GeoPoint point)
    {
        point = default;
        var parts = text?.Split(',', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 }
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lng)
            || lat is < -90 or > 90 || lng is < -180 or > 180)
        {
            return false;
        }

        point = new GeoPoint(lat, lng);
        return true;
    }
}
