using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Ocpi;
using ChargePortal.Web.Roaming.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Roaming.Outbox;

/// <summary>
/// Sends the queued requests, on one node of the cluster. Each partner's queue goes out strictly in order: a request
/// that fails (partner down, an error answer) is retried with a doubling delay and holds back the ones behind it, so a
/// partner that comes back gets everything in the order it happened. Partners are served side by side, so one that is
/// down delays no other. A suspended partner's queue waits; an unregistered partner's is dropped.
/// </summary>
public sealed partial class RoamingOutboxDispatcher(
    IDbContextFactory<AppDbContext> dbFactory,
    IClusterSingletonGate gate,
    RoamingOutboxSignal signal,
    OcpiClient client,
    RoamingActivity activity,
    IOptions<RoamingOptions> options,
    TimeProvider time,
    ILogger<RoamingOutboxDispatcher> logger) : BackgroundService
{
    public const string Job = "roaming-outbox";
    private const int BatchPerPartner = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await gate.IsLeaderAsync(Job, stoppingToken))
                {
                    await DispatchOnceAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(logger, e);
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PushPollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over every partner with queued requests that are due.</summary>
    public async Task DispatchOnceAsync(CancellationToken ct)
    {
        List<RoamingPartner> partners;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var waiting = await db.Set<RoamingOutboxMessage>().Select(m => m.PartnerId).Distinct().ToListAsync(ct);
            partners = await db.Set<RoamingPartner>().AsNoTracking().Where(p => waiting.Contains(p.Id)).ToListAsync(ct);
            var gone = partners.Where(p => p.Status == RoamingPartnerStatus.Unregistered).Select(p => p.Id).ToList();
            if (gone.Count > 0)
            {
                await db.Set<RoamingOutboxMessage>().Where(m => gone.Contains(m.PartnerId)).ExecuteDeleteAsync(ct);
            }
        }

        await Task.WhenAll(partners.Where(p => p.Status == RoamingPartnerStatus.Registered).Select(p => DrainAsync(p, ct)));
    }

    private async Task DrainAsync(RoamingPartner partner, CancellationToken ct)
    {
        for (var sent = 0; sent < BatchPerPartner; sent++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var message = await db.Set<RoamingOutboxMessage>().Where(m => m.PartnerId == partner.Id).OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
            if (message is null || message.NextAttemptAtTicks > time.GetUtcNow().UtcTicks)
            {
                return;
            }

            var error = await SendAsync(partner, message, ct);
            await activity.RecordOutboundAsync(partner.Id, message.Module, error, ct);
            if (error is null)
            {
                db.Remove(message);
                await db.SaveChangesAsync(ct);
                continue;
            }

            message.Attempts++;
            message.LastError = error.Length > 1000 ? error[..1000] : error;
            var delay = Math.Min(options.Value.MaxRetryDelaySeconds, options.Value.FirstRetryDelaySeconds * Math.Pow(2, Math.Min(message.Attempts - 1, 20)));
            message.NextAttemptAtTicks = time.GetUtcNow().AddSeconds(delay).UtcTicks;
            await db.SaveChangesAsync(ct);
            LogPushFailed(logger, message.Module, partner.Id, message.Attempts, delay, error);
            return;
        }
    }

    /// <returns>Null when the partner accepted the request, else what went wrong.</returns>
    private async Task<string?> SendAsync(RoamingPartner partner, RoamingOutboxMessage message, CancellationToken ct)
    {
        Uri? url = message.AbsoluteUrl is { } absolute ? new Uri(absolute)
            : PartnerParties.Endpoint(partner, message.Module, InterfaceRoles.Receiver) is { } endpoint
                ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + message.Path)
                : null;
        if (url is null || partner.OutboundToken is null)
        {
            return $"The partner has no {message.Module} RECEIVER endpoint; the request waits until its endpoints are updated.";
        }

        try
        {
            var reply = await client.SendAsync(new HttpMethod(message.Method), url, new OcpiTarget(partner.OutboundToken, partner.CountryCode, partner.PartyId), message.Body, ct);
            return reply.Succeeded ? null : $"{message.Method} {url} answered {reply.Describe()}";
        }
        catch (OcpiCallException e)
        {
            return e.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roaming push pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push of {Module} to partner {PartnerId} failed (attempt {Attempts}), retry in {DelaySeconds} s: {Error}")]
    private static partial void LogPushFailed(ILogger logger, string module, int partnerId, int attempts, double delaySeconds, string error);
}
