using System.ComponentModel.DataAnnotations;

namespace ChargePortal.Web.StationSecurity;

/// <summary>
/// Scheduled Basic-auth password rotation (A01): a station on profile 1 or 2 whose password is older than its interval
/// gets a new one through the same OCPP rotation as a change by an operator. A station's own interval
/// (<c>passwordRotationDays</c>) overrides <see cref="IntervalDays"/>. Profile 3 stations have no password to rotate.
/// </summary>
public sealed class PasswordRotationOptions
{
    public const string Section = "PasswordRotation";

    /// <summary>Rotate every this many days; 0 (the default) rotates only stations that set their own interval.</summary>
    [Range(0, StationCredentialsPatch.MaxRotationDays)]
    public int IntervalDays { get; set; }

    /// <summary>How often the CSMS looks for stations that are due.</summary>
    [Range(1, 1440)]
    public int CheckMinutes { get; set; } = 60;
}
