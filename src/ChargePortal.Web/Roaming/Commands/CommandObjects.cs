using ChargePortal.Web.Roaming.Ocpi;
using ChargePortal.Web.Roaming.Tokens;

namespace ChargePortal.Web.Roaming.Commands;

/// <summary>OCPI 2.2.1 command requests (CPO receiver interface).</summary>
public sealed record StartSession
{
    public required string ResponseUrl { get; init; }
    public required OcpiToken Token { get; init; }
    public required string LocationId { get; init; }
    public string? EvseUid { get; init; }
    public string? ConnectorId { get; init; }
    public string? AuthorizationReference { get; init; }

    public string? Validate() => Common(ResponseUrl).Required("location_id", LocationId, 36).Optional("evse_uid", EvseUid, 36)
        .Optional("connector_id", ConnectorId, 36).Optional("authorization_reference", AuthorizationReference, 36)
        .That(EvseUid is not null || ConnectorId is null, "connector_id needs evse_uid.").Error ?? Token.Validate();

    internal static OcpiChecks Common(string? responseUrl) => new OcpiChecks().Required("response_url", responseUrl, 255).AbsoluteUrl("response_url", responseUrl);
}

public sealed record StopSession
{
    public required string ResponseUrl { get; init; }
    public required string SessionId { get; init; }

    public string? Validate() => StartSession.Common(ResponseUrl).Required("session_id", SessionId, 36).Error;
}

public sealed record ReserveNow
{
    public required string ResponseUrl { get; init; }
    public required OcpiToken Token { get; init; }
    public required DateTimeOffset ExpiryDate { get; init; }
    public required string ReservationId { get; init; }
    public required string LocationId { get; init; }
    public string? EvseUid { get; init; }
    public string? AuthorizationReference { get; init; }

    public string? Validate() => StartSession.Common(ResponseUrl).Required("reservation_id", ReservationId, 36).Required("location_id", LocationId, 36)
        .Optional("evse_uid", EvseUid, 36).Optional("authorization_reference", AuthorizationReference, 36).Error ?? Token.Validate();
}

public sealed record CancelReservation
{
    public required string ResponseUrl { get; init; }
    public required string ReservationId { get; init; }

    public string? Validate() => StartSession.Common(ResponseUrl).Required("reservation_id", ReservationId, 36).Error;
}

public sealed record UnlockConnector
{
    public required string ResponseUrl { get; init; }
    public required string LocationId { get; init; }
    public required string EvseUid { get; init; }
    public required string ConnectorId { get; init; }

    public string? Validate() => StartSession.Common(ResponseUrl).Required("location_id", LocationId, 36).Required("evse_uid", EvseUid, 36)
        .Required("connector_id", ConnectorId, 36).Error;
}

/// <summary>The immediate answer: ACCEPTED, NOT_SUPPORTED, REJECTED or UNKNOWN_SESSION, and how long the result may take.</summary>
public sealed record CommandResponse(string Result, int Timeout, IReadOnlyList<Tariffs.DisplayText>? Message);

/// <summary>The result posted to the response_url once the station answered.</summary>
public sealed record CommandResult(string Result, IReadOnlyList<Tariffs.DisplayText>? Message);
