namespace ChargePortal.Ocpp.V16;

/// <summary>Authorize request (Core profile), sent by the Charge Point.</summary>
public sealed record AuthorizeRequest
{
    public required string IdTag { get; init; }
}

/// <summary>Response to Authorize.</summary>
public sealed record AuthorizeResponse
{
    public required IdTagInfo IdTagInfo { get; init; }
}
