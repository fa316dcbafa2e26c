using ChargePortal.Web.Accounts;

namespace ChargePortal.Web.Tokens;

/// <summary>An RFID card or app token that may authorise charging.</summary>
public sealed class IdToken
{
    public const int MaxIdTagLength = 36;

    public int Id { get; set; }

    /// <summary>The token value as stations send it (1.6 idTag, 2.0.1 idToken.idToken).</summary>
    public required string IdTag { get; set; }
    public IdTokenKind Kind { get; set; } = IdTokenKind.Rfid;
    public IdTokenStatus Status { get; set; } = IdTokenStatus.Accepted;

    /// <summary>Blocked by an operator (not by its driver): only an operator may unblock it.</summary>
    public bool BlockedByOperator { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public string? ParentIdTag { get; set; }

    /// <summary>A label the driver or operator gave the card.</summary>
    public string? Label { get; set; }
    public string? UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>An operator sets the status: a block made now is theirs; any other status lifts it.</summary>
    public void SetStatusByOperator(IdTokenStatus status)
    {
        BlockedByOperator = status == IdTokenStatus.Blocked && (Status != IdTokenStatus.Blocked || BlockedByOperator);
        Status = status;
    }
}

public enum IdTokenKind
{
    Rfid,
    App,
    Central,
}

public enum IdTokenStatus
{
    Accepted,
    Blocked,
    Expired,
}
