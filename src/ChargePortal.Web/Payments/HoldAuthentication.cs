using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Payments;

/// <summary>
/// Holds the driver's bank asked them to confirm (3-D Secure): the provider's answer once they are back, the test
/// bank's answer in test mode, and holds whose driver never came back. A waiting hold leaves AwaitingAuthentication
/// once, by a conditional update, so the webhook, a second tab and the expiry job cannot decide it twice.
/// </summary>
public sealed class HoldAuthentication(
    IDbContextFactory<AppDbContext> dbFactory,
    IPaymentProvider provider,
    PaymentService payments,
    TimeProvider time,
    ILogger<HoldAuthentication> logger)
{
    /// <summary>
    /// How long a driver has to confirm a hold with their bank before it is given up: bank pages time out after
    /// about ten minutes.
    /// </summary>
    public static readonly TimeSpan AuthenticationTimeout = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The driver came back from their bank: asks the provider whether the hold is now in place. Authorized if it
    /// is; otherwise Failed, and the unconfirmed intent is cancelled. A payment no longer waiting (the webhook or
    /// another tab got there first) is returned as it is. Null when it is not this driver's payment.
    /// </summary>
    public async Task<Payment?> CompleteAuthenticationAsync(string userId, string providerPaymentId, CancellationToken ct)
    {
        var payment = await payments.FindForDriverAsync(userId, providerPaymentId, ct);
        if (payment is null || payment.Status != PaymentStatus.AwaitingAuthentication)
        {
            return payment;
        }

        var result = await provider.CheckAuthenticationAsync(providerPaymentId, ct);
        if (!result.Succeeded)
        {
            await CancelUnconfirmedAsync(providerPaymentId, ct);
        }

        await DecideAuthenticationAsync(payment.Id, result.Succeeded, result.Error, ct);
        return await payments.FindForDriverAsync(userId, providerPaymentId, ct);
    }

    /// <summary>
    /// The simulated provider's test bank page: the driver's answer is recorded on their waiting payment, the way a
    /// real bank's answer reaches the provider. False when there is no such waiting test-mode payment.
    /// </summary>
    public async Task<bool> RecordTestBankAnswerAsync(string userId, string providerPaymentId, bool confirmed, CancellationToken ct)
    {
        if (provider.Kind != PaymentProviderKind.Simulated)
        {
            return false; // only the simulated provider has a test bank; a real bank answers through Stripe
        }

        var payment = await payments.FindForDriverAsync(userId, providerPaymentId, ct);
        if (payment is not { Provider: PaymentProviderKind.Simulated, Status: PaymentStatus.AwaitingAuthentication })
        {
            return false;
        }

        return await DecideAuthenticationAsync(payment.Id, confirmed, confirmed ? null : StripePaymentProvider.AuthenticationNotCompleted, ct);
    }

    /// <summary>Gives up holds whose driver did not come back from their bank within <see cref="AuthenticationTimeout"/>.</summary>
    public async Task<int> ExpireUnconfirmedAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow() - AuthenticationTimeout;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = await db.Payments.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.AwaitingAuthentication && p.UpdatedAt < before)
            .Select(p => new { p.Id, p.ProviderPaymentId }).ToListAsync(ct);
        var expired = 0;
        foreach (var payment in waiting)
        {
            if (payment.ProviderPaymentId is { } id)
            {
                await CancelUnconfirmedAsync(id, ct);
            }

            if (await DecideAuthenticationAsync(payment.Id, false, "The payment was not confirmed with the bank in time; nothing was held.", ct))
            {
                expired++;
            }
        }

        return expired;
    }

    /// <summary>AwaitingAuthentication → Authorized or Failed, once.</summary>
    private async Task<bool> DecideAuthenticationAsync(int paymentId, bool confirmed, string? reason, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Payments.Where(p => p.Id == paymentId && p.Status == PaymentStatus.AwaitingAuthentication)
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Status, confirmed ? PaymentStatus.Authorized : PaymentStatus.Failed)
                .SetProperty(p => p.FailureReason, reason)
                .SetProperty(p => p.UpdatedAt, time.GetUtcNow()), ct) > 0;
    }

    /// <summary>An intent the driver did not confirm holds no money; cancelling it only tidies up, so a provider that does not answer is not an error.</summary>
    private async Task CancelUnconfirmedAsync(string providerPaymentId, CancellationToken ct)
    {
        try
        {
            await provider.CancelAsync(providerPaymentId, ct);
        }
        catch (PaymentProviderUnavailableException e)
        {
            logger.LogWarning(e, "Could not cancel unconfirmed intent {Id}; it expires on its own", providerPaymentId);
        }
    }
}
