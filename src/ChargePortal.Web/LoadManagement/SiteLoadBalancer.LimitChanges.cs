namespace ChargePortal.Web.LoadManagement;

/// <summary>
/// An external limit's schedule can change the limit later on (a period at startPeriod 3600, a duration that ends):
/// each pass arms a timer for the next such moment at its site, so the shares follow the schedule without waiting for
/// the next session to start or end. Only the leader passes, so only the leader holds timers; a newer pass replaces the
/// site's timer.
/// </summary>
public sealed partial class SiteLoadBalancer
{
    /// <summary>
    /// The timer's clock and the wall clock the schedule is read by can differ by a few milliseconds: the pass runs just
    /// after the moment, so it sees the new period and is not repeated.
    /// </summary>
    private static readonly TimeSpan AfterTheChange = TimeSpan.FromMilliseconds(50);

    /// <summary>A change further off (a schedule starting next month) is re-armed by a pass a day from now: timers have a range.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly Dictionary<int, ITimer> _limitChangeTimers = [];
    private readonly CancellationTokenSource _stopping = new();

    // Guarded by _limitChangeTimers. A host may stop a service again after disposing it: the token source is not touched then.
    private bool _disposed;

    private void ScheduleNextLimitChange(int siteId, DateTimeOffset? at)
    {
        lock (_limitChangeTimers)
        {
            if (_limitChangeTimers.Remove(siteId, out var previous))
            {
                previous.Dispose();
            }

            if (at is null || _disposed || _stopping.IsCancellationRequested)
            {
                return;
            }

            var due = TimeSpan.FromTicks(Math.Clamp((at.Value - time.GetUtcNow() + AfterTheChange).Ticks, 0, LongestWait.Ticks));
            _limitChangeTimers[siteId] = time.CreateTimer(_ => _ = PassAtLimitChangeAsync(siteId), null, due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task PassAtLimitChangeAsync(int siteId)
    {
        try
        {
            LogLimitChangePass(siteId);
            await RebalanceAsync(siteId, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogLimitChangePassFailed(ex, siteId);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (DropTimers(disposing: false))
        {
            await _stopping.CancelAsync();
        }

        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        if (DropTimers(disposing: true))
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }

        base.Dispose();
    }

    /// <summary>Disposes the site timers; false when the service was disposed already.</summary>
    private bool DropTimers(bool disposing)
    {
        lock (_limitChangeTimers)
        {
            foreach (var timer in _limitChangeTimers.Values)
            {
                timer.Dispose();
            }

            _limitChangeTimers.Clear();
            var live = !_disposed;
            _disposed |= disposing;
            return live;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Site {SiteId}: an external limit's schedule changes now; new shares follow")]
    private partial void LogLimitChangePass(int siteId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site {SiteId}: the pass at an external limit's schedule change failed")]
    private partial void LogLimitChangePassFailed(Exception ex, int siteId);
}
