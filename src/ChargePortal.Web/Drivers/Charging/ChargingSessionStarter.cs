using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Drivers.Charging;

public enum StartChargingOutcome
{
    /// <summary>The station accepted the remote start; the session appears when the car is plugged in.</summary>
    Requested,
    UnknownStation,

    /// <summary>The driver has no saved card: nothing was held and the station was not asked.</summary>
    NoPaymentCard,
    PaymentFailed,
    StationOffline,
    StationRefused,

    /// <summary>The driver's bank asks them to confirm the hold first: send them to <see cref="StartChargingResult.AuthenticationUrl"/>.</summary>
    NeedsAuthentication,

    /// <summary>The start after the bank's confirmation was already sent (a reloaded page, another tab).</summary>
    AlreadyRequested,
}

public sealed record StartChargingResult(StartChargingOutcome Outcome, string Message, int? PaymentId = null, string? IdTag = null,
    Uri? AuthenticationUrl = null, string? StationId = null)
{
    public bool Succeeded => Outcome == StartChargingOutcome.Requested;
}

public sealed record StopChargingResult(bool Succeeded, string Message);

/// <summary>
/// Starts and stops charging from the app: the driver's app token, a hold on the driver's saved card first,
/// then the remote start with that token. The hold is linked to the session by <see cref="SessionPricingService"/>
/// when the station reports the start, released here if the station does not accept the start, and released by
/// <see cref="UnusedHoldReleaser"/> if no session follows an accepted start.
/// </summary>
public sealed class ChargingSessionStarter(
    IDbContextFactory<AppDbContext> dbFactory,
    PaymentService payments,
    HoldAuthentication authentication,
    PaymentCards cards,
    TariffResolver tariffs,
    StationCommandService commands,
    TimeProvider time)
{
    /// <summary>"APP-" + 12 hex digits: 16 characters, inside OCPP 1.6's 20-character idTag limit.</summary>
    private const int AppTagRandomLength = 12;

    public Task<StartChargingResult> StartAsync(string userId, string stationId, int connectorId, CancellationToken ct) =>
        StartAsync(userId, stationId, connectorId, null, ct);

    /// <summary>
    /// Holds and starts. With <paramref name="authenticationReturnUrl"/> a bank that asks the driver to confirm the
    /// hold (3-D Secure) is allowed: the result is <see cref="StartChargingOutcome.NeedsAuthentication"/>, and the bank
    /// sends the driver back there for <see cref="ContinueAfterAuthenticationAsync"/>.
    /// </summary>
    public async Task<StartChargingResult> StartAsync(string userId, string stationId, int connectorId, Uri? authenticationReturnUrl, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.AsNoTracking().Where(s => s.Id == stationId).Select(s => new { s.Id, s.IsOnline, s.Name }).FirstOrDefaultAsync(ct);
        if (station is null)
        {
            return new(StartChargingOutcome.UnknownStation, $"There is no station '{stationId}'.");
        }

        if (!await db.Connectors.AnyAsync(c => c.StationId == stationId && c.ConnectorId == connectorId, ct))
        {
            return new(StartChargingOutcome.UnknownStation, $"Station {stationId} has no connector {connectorId}.");
        }

        if (await cards.GetAsync(userId, ct) is not { } card)
        {
            return new(StartChargingOutcome.NoPaymentCard, "Add a payment card first: charging starts with a hold on your card. Nothing was charged.");
        }

        if (!station.IsOnline)
        {
            return new(StartChargingOutcome.StationOffline, "The station is offline right now; nothing was charged. Try again later or use your RFID card.");
        }

        var idTag = await EnsureAppTokenAsync(db, userId, ct);
        var tariff = await tariffs.ForConnectorAsync(stationId, connectorId, time.GetUtcNow(), ct);
        var (payment, bank) = await payments.PlaceHoldAsync(userId, card, stationId, connectorId, idTag, tariff?.Currency ?? "EUR", authenticationReturnUrl, ct);
        if (payment.Status == PaymentStatus.AwaitingAuthentication && bank is not null)
        {
            return new(StartChargingOutcome.NeedsAuthentication, $"Your bank asks you to confirm the hold on your {card.Label}; charging starts when you come back.",
                payment.Id, idTag, bank, stationId);
        }

        if (payment.Status != PaymentStatus.Authorized)
        {
            return new(StartChargingOutcome.PaymentFailed, $"Your {card.Label} could not be authorised: {payment.FailureReason ?? "unknown reason"} Charging was not started.", payment.Id);
        }

        return await RemoteStartAsync(userId, payment, card.Label, ct);
    }

    /// <summary>
    /// The driver is back from their bank (the return address carries the provider's payment id): if the bank
    /// confirmed the hold, the station is started with it, once however often the page is loaded.
    /// </summary>
    public async Task<StartChargingResult> ContinueAfterAuthenticationAsync(string userId, string providerPaymentId, CancellationToken ct)
    {
        Payment? payment;
        try
        {
            payment = await authentication.CompleteAuthenticationAsync(userId, providerPaymentId, ct);
        }
        catch (PaymentProviderUnavailableException)
        {
            return new(StartChargingOutcome.PaymentFailed, "The payment provider could not be reached to confirm your bank's answer. Reload this page in a moment.");
        }

        if (payment is null)
        {
            return new(StartChargingOutcome.PaymentFailed, "There is no payment of yours waiting for your bank's confirmation.");
        }

        var label = await cards.GetAsync(userId, ct) is { } card ? card.Label : "card";
        if (payment.StartRequestedAt is not null && payment.Status != PaymentStatus.Authorized)
        {
            // Reloaded after the start was tried: the hold has since been captured or released with its session.
            return new(StartChargingOutcome.AlreadyRequested, "This confirmation was already used. To charge again, start from the station page.",
                payment.Id, payment.IdTag, StationId: payment.StationId);
        }

        if (payment.Status != PaymentStatus.Authorized)
        {
            return new(StartChargingOutcome.PaymentFailed, $"Your {label} could not be authorised: {payment.FailureReason ?? payment.Status.ToString()} Charging was not started.",
                payment.Id, StationId: payment.StationId);
        }

        // A reload after the start was sent is refused by the start's own claim.
        return await RemoteStartAsync(userId, payment, label, ct);
    }

    /// <summary>The remote start on an Authorized hold; the hold is released if the station does not accept it.</summary>
    private async Task<StartChargingResult> RemoteStartAsync(string userId, Payment payment, string cardLabel, CancellationToken ct)
    {
        var stationId = payment.StationId!;
        var idTag = payment.IdTag!;
        var connectorId = payment.ConnectorId ?? 1;
        if (!await payments.ClaimStartAsync(payment.Id, ct))
        {
            return new(StartChargingOutcome.AlreadyRequested, "Charging was already requested with this hold. Plug in, or open My sessions.", payment.Id, idTag, StationId: stationId);
        }

        var operation = new RemoteStartArguments(idTag, new ConnectorAddress(connectorId, null));
        var result = await commands.ExecuteAsync(stationId, operation, new CommandActor("driver app", userId), ct);
        if (result.Succeeded)
        {
            await payments.MarkStartAcceptedAsync(payment.Id, ct);
            var hold = TariffText.Money(payment.HoldAmount, payment.Currency, System.Globalization.CultureInfo.InvariantCulture);
            return new(StartChargingOutcome.Requested, $"Charging requested. {hold} is held on your {cardLabel} and only the final cost will be charged. Plug in now.",
                payment.Id, idTag, StationId: stationId);
        }

        var holdReleased = "the hold on your card was released.";
        try
        {
            await payments.ReleaseAsync(payment.Id, "Remote start not accepted", ct);
        }
        catch (PaymentProviderUnavailableException)
        {
            // The hold stays Authorized and unlinked; the unused-hold job releases it once the provider answers again.
            holdReleased = "the hold on your card will be released automatically within a few minutes.";
        }

        return result.Error switch
        {
            { Kind: CommandFailure.Offline or CommandFailure.Timeout } => new(StartChargingOutcome.StationOffline, $"The station did not answer; {holdReleased}", payment.Id, StationId: stationId),
            null => new(StartChargingOutcome.StationRefused, $"The station refused to start ({result.Answer!.StatusText}); {holdReleased}", payment.Id, StationId: stationId),
            { } error => new(StartChargingOutcome.StationRefused, $"The station could not start charging ({error.Detail}); {holdReleased}", payment.Id, StationId: stationId),
        };
    }

    /// <summary>
    /// The session a remote start led to, once the station reports it (polled: the report may reach another node,
    /// and the database is what every node shares). Null if none started within <paramref name="timeout"/>.
    /// </summary>
    public async Task<long?> WaitForSessionAsync(string stationId, string idTag, DateTimeOffset requestedAt, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + timeout;
        var since = requestedAt.AddMinutes(-1); // station clocks drift a little
        while (true)
        {
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var candidates = await db.Transactions.AsNoTracking()
                    .Where(t => t.StationId == stationId && t.IdTag == idTag && t.Status == TransactionStatus.Active)
                    .Select(t => new { t.Id, t.StartedAt }).ToListAsync(ct);
                if (candidates.Where(c => c.StartedAt >= since).MaxBy(c => c.Id) is { } found)
                {
                    return found.Id;
                }
            }

            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), time, ct);
        }
    }

    /// <summary>Remote stop; only the driver who owns the session may stop it.</summary>
    public async Task<StopChargingResult> StopAsync(string userId, long transactionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var transaction = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == transactionId && t.UserId == userId, ct);
        if (transaction is null)
        {
            return new(false, "Session not found.");
        }

        if (transaction.Status != TransactionStatus.Active)
        {
            return new(false, "This session has already ended.");
        }

        var result = await commands.ExecuteAsync(transaction.StationId, new RemoteStopArguments(transaction.OcppTransactionId), new CommandActor("driver app", userId), ct);
        return result.Succeeded
            ? new(true, "Stopping… the station ends the session in a moment.")
            : new(false, result.Error is { } error ? $"The station could not be reached ({error.Detail})." : $"The station refused to stop ({result.Answer!.StatusText}).");
    }

    private async Task<string> EnsureAppTokenAsync(AppDbContext db, string userId, CancellationToken ct)
    {
        var existing = await db.IdTokens.Where(t => t.UserId == userId && t.Kind == IdTokenKind.App && t.Status == IdTokenStatus.Accepted)
            .Select(t => t.IdTag).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }

        var token = new IdToken
        {
            IdTag = "APP-" + Guid.NewGuid().ToString("N")[..AppTagRandomLength].ToUpperInvariant(),
            Kind = IdTokenKind.App,
            UserId = userId,
            Label = "App",
            CreatedAt = time.GetUtcNow(),
        };
        db.IdTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return token.IdTag;
    }
}

public static class DriverChargingSetup
{
    /// <summary>Start/stop from the app and the driver's session pages.</summary>
    public static IServiceCollection AddDriverCharging(this IServiceCollection services) =>
        services.AddSingleton<ChargingSessionStarter>().AddSingleton<Drivers.Sessions.SessionHistory>();
}
