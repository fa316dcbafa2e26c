namespace ChargePortal.Web.StationSecurity;

/// <summary>Which security profile and credentials combinations a station may be registered or changed to.</summary>
public static class SecurityProfileRules
{
    /// <summary>What a station on profile 0 exposes, for the refusal and the portal's warning.</summary>
    public const string UnsecuredExposure =
        "Security profile 0 lets any client that knows the station id connect as this station: the impostor replaces the real connection, " +
        "receives drivers' tokens in remote starts and reservations and can report fake sessions.";

    /// <returns>Why the settings are refused, or null. Outside Development profile 0 needs the operator's explicit allowUnsecured.</returns>
    public static string? Refusal(int profile, bool hasPassword, bool allowUnsecured, bool isDevelopment)
    {
        if (profile is < 0 or > 3)
        {
            return "securityProfile must be 0, 1, 2 or 3.";
        }

        if (profile == 0 && hasPassword)
        {
            return "security profile 0 takes no password: use profile 1 or 2 for Basic authentication.";
        }

        if (profile == 0 && !allowUnsecured && !isDevelopment)
        {
            return UnsecuredExposure + " Send \"allowUnsecured\": true to allow it for this station.";
        }

        return profile is 1 or 2 && !hasPassword
            ? $"security profile {profile} needs a password: send \"password\" or \"generatePassword\": true."
            : null;
    }
}
