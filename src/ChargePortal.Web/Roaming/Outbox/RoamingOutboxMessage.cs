namespace ChargePortal.Web.Roaming.Outbox;

/// <summary>
/// One request to send to a partner (a pushed location status, tariff, session, CDR, or a command result), kept until
/// the partner accepted it, then deleted. A partner's messages go out one at a time in <see cref="Id"/> order.
/// </summary>
public sealed class RoamingOutboxMessage
{
    public long Id { get; set; }
    public int PartnerId { get; set; }

    /// <summary>The OCPI module (locations, sessions, …) or <c>commands-results</c>.</summary>
    public required string Module { get; set; }
    public required string Method { get; set; }

    /// <summary>Appended to the partner's RECEIVER endpoint of the module at send time (its endpoints may change).</summary>
    public string? Path { get; set; }

    /// <summary>A full URL the partner named (a command's response_url); used instead of endpoint + path.</summary>
    public string? AbsoluteUrl { get; set; }
    public string? Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>Not before this moment (UTC ticks, comparable in SQL on every provider).</summary>
    public long NextAttemptAtTicks { get; set; }
    public string? LastError { get; set; }
}
