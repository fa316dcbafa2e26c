namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>
/// What the host knows and the body does not say, filled in before <see cref="IStationCommandAdapter.Build"/>:
/// ids the CSMS allocates, its own upload URL, and the token store's view of the tokens a command names
/// (<see cref="ITokenDirectory"/>).
/// Keeping it a plain record keeps the adapters free of I/O.
/// </summary>
public sealed record StationCommandContext
{
    private static readonly IReadOnlyDictionary<string, TokenInfo> NoTokens = new Dictionary<string, TokenInfo>(StringComparer.Ordinal);

    /// <summary>2.0.1 RequestStartTransaction remoteStartId; the station echoes it in its TransactionEvent.</summary>
    public int RemoteStartId { get; init; }

    /// <summary>2.0.1 requestId of UpdateFirmware and GetLog; status notifications echo it.</summary>
    public int RequestId { get; init; }

    /// <summary>The local authorization list version SendLocalList installs (the host increments it per station).</summary>
    public int NextLocalListVersion { get; init; } = 1;

    /// <summary>Where the station uploads diagnostics/logs (1.6 GetDiagnostics location, 2.0.1 GetLog remoteLocation).</summary>
    public string UploadUrl { get; init; } = "";

    /// <summary>The tokens send-local-list may name, keyed by idTag (ordinal).</summary>
    public IReadOnlyDictionary<string, TokenInfo> Tokens { get; init; } = NoTokens;

    /// <summary>
    /// Whether the idTag that remote-start or reserve-now names is an RFID card: 2.0.1 sends it as idToken.type
    /// (RFID → ISO14443; app, central or unknown → Central).
    /// </summary>
    public bool IdTagIsRfid { get; init; }
}

/// <summary>What the token store says of an idTag, as a local authorization list entry carries it.</summary>
public enum TokenStanding
{
    Accepted,
    Blocked,
    Expired,
}

/// <summary>The token store's view of one idTag, as a local authorization list entry carries it.</summary>
public sealed record TokenInfo(TokenStanding Status, DateTimeOffset? ExpiresAt = null, string? ParentIdTag = null, bool IsRfid = true);

/// <summary>
/// The token store as the command service sees it: the tokens a command names (send-local-list's entries, the idTag
/// of remote-start or reserve-now). The tokens feature answers it; unknown idTags are left out.
/// </summary>
public interface ITokenDirectory
{
    Task<IReadOnlyDictionary<string, TokenInfo>> FindAsync(IReadOnlyList<string> idTags, CancellationToken ct);
}
