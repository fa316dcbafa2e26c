using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Payments;

/// <summary>
/// Holds placed while the provider did not answer (<see cref="Payment.HoldOutcomeUnknown"/>): the driver was told
/// nothing was charged, so a hold the provider made after all is found and released.
/// </summary>
public sealed class UnansweredHolds(IDbContextFactory<AppDbContext> dbFactory, IPaymentProvider provider, TimeProvider time, ILogger<UnansweredHolds> logger)
{
    /// <summary>How often a hold whose placement went unanswered is looked for, and for how long a miss is not trusted.</summary>
    public static readonly TimeSpan SearchInterval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan SearchWindow = TimeSpan.FromHours(1);

    /// <summary>Past this an uncaptured Stripe hold has lapsed on its own; a search that keeps failing stops here.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(7);

    /// <summary>
    /// Looks for holds the provider placed although it did not answer at the time, and releases them, so a driver
    /// who was told "nothing was charged" does not see a pending hold on their card for days. The provider's search
    /// lags behind (Stripe: about a minute, more during an outage), so each such payment is looked up now and then
    /// for <see cref="SearchWindow"/> before it counts as never placed. Returns how many holds it released.
    /// </summary>
    public async Task<int> ReleaseUnknownHoldsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Payments.AsNoTracking()
            .Where(p => p.HoldOutcomeUnknown && p.UpdatedAt < now - SearchInterval)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.CreatedAt }).Take(20).ToListAsync(ct);
        var released = 0;
        foreach (var payment in due)
        {
            var age = now - payment.CreatedAt;
            bool keepLooking;
            try
            {
                var open = await provider.FindOpenHoldsAsync(payment.Id, ct);
                foreach (var hold in open)
                {
                    if ((await provider.CancelAsync(hold, ct)).Succeeded)
                    {
                        released++;
                        logger.LogWarning("Released hold {Hold} of payment {PaymentId}: placed although the provider did not answer at the time", hold, payment.Id);
                        await db.Payments.Where(p => p.Id == payment.Id).ExecuteUpdateAsync(u => u
                            .SetProperty(p => p.ProviderPaymentId, p => p.ProviderPaymentId ?? hold)
                            .SetProperty(p => p.FailureReason, p => (p.FailureReason ?? "") + " A hold the provider placed after all was released."), ct);
                    }
                }

                // Found means known; not found is trusted only once the search has had time to catch up.
                keepLooking = open.Count == 0 && age < SearchWindow;
            }
            catch (PaymentProviderUnavailableException e)
            {
                logger.LogWarning(e, "Could not look for an unconfirmed hold of payment {PaymentId}; the next pass tries again", payment.Id);
                keepLooking = true;
            }

            await db.Payments.Where(p => p.Id == payment.Id).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.HoldOutcomeUnknown, keepLooking && age < GiveUpAfter)
                .SetProperty(p => p.UpdatedAt, now), ct);
        }

        return released;
    }
}
