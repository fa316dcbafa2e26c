namespace ChargePortal.Ocpp;

/// <summary>The OCPP-J protocol versions ChargePortal speaks, with their WebSocket subprotocol names.</summary>
public enum OcppVersion
{
    V16,
    V201,
}

public static class OcppVersions
{
    public const string Subprotocol16 = "ocpp1.6";
    public const string Subprotocol201 = "ocpp2.0.1";

    public static string Subprotocol(this OcppVersion version) => version switch
    {
        OcppVersion.V16 => Subprotocol16,
        OcppVersion.V201 => Subprotocol201,
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    /// <summary>"1.6" or "2.0.1", as the HTTP API writes it.</summary>
    public static string DisplayName(this OcppVersion version) => version switch
    {
        OcppVersion.V16 => "1.6",
        OcppVersion.V201 => "2.0.1",
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    /// <summary>Picks the first subprotocol in the client's order that the server supports.</summary>
    public static OcppVersion? Negotiate(IEnumerable<string> requested)
    {
        foreach (var candidate in requested)
        {
            if (string.Equals(candidate, Subprotocol16, StringComparison.OrdinalIgnoreCase))
            {
                return OcppVersion.V16;
            }

            if (string.Equals(candidate, Subprotocol201, StringComparison.OrdinalIgnoreCase))
            {
                return OcppVersion.V201;
            }
        }

        return null;
    }
}
