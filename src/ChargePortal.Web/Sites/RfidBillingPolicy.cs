namespace ChargePortal.Web.Sites;

/// <summary>How a site bills sessions started with a driver's RFID card (app starts always pay through their own card hold).</summary>
public enum RfidBillingPolicy
{
    /// <summary>
    /// Charged to the driver's saved payment card: a hold is placed off-session when the session starts and the exact
    /// cost captured when it ends. A card whose driver has no payment card on file is refused at Authorize.
    /// </summary>
    PostPaid,

    /// <summary>No payment card needed and nothing to pay: RFID sessions here are priced at nothing.</summary>
    Free,

    /// <summary>No payment card needed: the session is priced as usual and the operator invoices it (sessions export).</summary>
    OperatorInvoiced,
}
