namespace ChargePortal.Web.Payments;

/// <summary>
/// Knows id tokens whose sessions are billed by someone else (a roaming partner, through its CDR): no card hold is
/// ever linked to, captured or released for such a session.
/// </summary>
public interface ISessionsBilledElsewhere
{
    Task<bool> IsBilledElsewhereAsync(string idTag, CancellationToken ct);
}
