namespace ChargePortal.Web.Roaming.Tokens;

/// <summary>A partner's token as it pushed it (Tokens module, CPO as receiver), or as a real-time authorization returned it.</summary>
public sealed class RoamingToken
{
    public long Id { get; set; }
    public int PartnerId { get; set; }
    public required string CountryCode { get; set; }
    public required string PartyId { get; set; }
    public required string Uid { get; set; }
    public OcpiTokenType Type { get; set; }
    public required string ContractId { get; set; }
    public string? VisualNumber { get; set; }
    public required string Issuer { get; set; }
    public string? GroupId { get; set; }
    public bool Valid { get; set; }
    public OcpiWhitelist Whitelist { get; set; }
    public string? Language { get; set; }
    public DateTimeOffset LastUpdated { get; set; }

    /// <summary>How the token's next session was authorized (a START_SESSION, a real-time authorization), and its reference.</summary>
    public RoamingAuthMethod? PendingAuthMethod { get; set; }
    public string? AuthorizationReference { get; set; }
}

/// <summary>OCPI TokenType.</summary>
public enum OcpiTokenType
{
    AdHocUser,
    AppUser,
    Other,
    Rfid,
}

/// <summary>OCPI WhitelistType: whether the CPO may accept the token without asking the eMSP.</summary>
public enum OcpiWhitelist
{
    Always,
    Allowed,
    AllowedOffline,
    Never,
}

/// <summary>OCPI AuthMethod of a session or CDR.</summary>
public enum RoamingAuthMethod
{
    AuthRequest,
    Command,
    Whitelist,
}

/// <summary>OCPI AllowedType: the eMSP's answer to a real-time authorization.</summary>
public enum OcpiAllowed
{
    Allowed,
    Blocked,
    Expired,
    NoCredit,
    NotAllowed,
}

/// <summary>The OCPI Token object on the wire.</summary>
public sealed record OcpiToken
{
    public required string CountryCode { get; init; }
    public required string PartyId { get; init; }
    public required string Uid { get; init; }
    public required OcpiTokenType Type { get; init; }
    public required string ContractId { get; init; }
    public string? VisualNumber { get; init; }
    public required string Issuer { get; init; }
    public string? GroupId { get; init; }
    public required bool Valid { get; init; }
    public required OcpiWhitelist Whitelist { get; init; }
    public string? Language { get; init; }
    public string? DefaultProfileType { get; init; }
    public required DateTimeOffset LastUpdated { get; init; }

    public static OcpiToken From(RoamingToken t) => new()
    {
        CountryCode = t.CountryCode,
        PartyId = t.PartyId,
        Uid = t.Uid,
        Type = t.Type,
        ContractId = t.ContractId,
        VisualNumber = t.VisualNumber,
        Issuer = t.Issuer,
        GroupId = t.GroupId,
        Valid = t.Valid,
        Whitelist = t.Whitelist,
        Language = t.Language,
        LastUpdated = t.LastUpdated,
    };

    public string? Validate() => new Ocpi.OcpiChecks()
        .CountryCode("country_code", CountryCode)
        .PartyId("party_id", PartyId)
        .Required("uid", Uid, 36)
        .Required("contract_id", ContractId, 36)
        .Optional("visual_number", VisualNumber, 64)
        .Required("issuer", Issuer, 64)
        .Optional("group_id", GroupId, 36)
        .Optional("language", Language, 2)
        .That(Uid is null || Uid.All(c => c is >= '!' and <= '~'), "uid must be printable ASCII without whitespace.")
        .Error;

    public void CopyTo(RoamingToken t)
    {
        t.CountryCode = CountryCode.ToUpperInvariant();
        t.PartyId = PartyId.ToUpperInvariant();
        t.Uid = Uid;
        t.Type = Type;
        t.ContractId = ContractId;
        t.VisualNumber = VisualNumber;
        t.Issuer = Issuer;
        t.GroupId = GroupId;
        t.Valid = Valid;
        t.Whitelist = Whitelist;
        t.Language = Language;
        t.LastUpdated = LastUpdated;
    }
}

/// <summary>The eMSP's answer to <c>POST {tokens}/{uid}/authorize</c>.</summary>
public sealed record OcpiAuthorizationInfo
{
    public required OcpiAllowed Allowed { get; init; }
    public required OcpiToken Token { get; init; }
    public string? AuthorizationReference { get; init; }
}
