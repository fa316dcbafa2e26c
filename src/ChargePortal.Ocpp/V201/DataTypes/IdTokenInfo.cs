namespace ChargePortal.Ocpp.V201;

/// <summary>Contains status information about an identifier. It is advised to not stop charging for a token that expires during charging, as ExpiryDate is only used for caching purposes. If ExpiryDate is not given, the status has no end date.</summary>
public sealed record IdTokenInfo
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Current status of the ID Token.</summary>
    public required AuthorizationStatusEnum Status { get; init; }

    /// <summary>Date and Time after which the token must be considered invalid.</summary>
    public DateTimeOffset? CacheExpiryDateTime { get; init; }

    /// <summary>Priority from a business point of view. Default priority is 0, The range is from -9 to 9. Higher values indicate a higher priority. The chargingPriority in TransactionEventResponse overrules this one.</summary>
    public int? ChargingPriority { get; init; }

    /// <summary>Preferred user interface language of identifier user. Contains a language code as defined in [RFC5646].</summary>
    public string? Language1 { get; init; }

    /// <summary>Only used when the IdToken is only valid for one or more specific EVSEs, not for the entire Charging Station.</summary>
    public IReadOnlyList<int>? EvseId { get; init; }

    /// <summary>Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers.</summary>
    public IdToken? GroupIdToken { get; init; }

    /// <summary>Second preferred user interface language of identifier user. Don’t use when language1 is omitted, has to be different from language1. Contains a language code as defined in [RFC5646].</summary>
    public string? Language2 { get; init; }

    /// <summary>Contains message details, for a message to be displayed on a Charging Station.</summary>
    public MessageContent? PersonalMessage { get; init; }
}
