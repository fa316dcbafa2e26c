namespace ChargePortal.Web.Tokens;

/// <summary>
/// Whether a driver's RFID card may charge at a station as far as paying is concerned (the site's RFID billing
/// policy and the driver's saved payment card). Null: it may; else the reason it may not, in words a driver reads.
/// </summary>
public interface ITokenPaymentRequirement
{
    Task<string?> RefusalAsync(string userId, string stationId, CancellationToken ct);
}
