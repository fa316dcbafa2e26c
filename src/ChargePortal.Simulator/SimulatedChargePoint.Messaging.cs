using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.Validation;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Simulator;

public sealed partial class SimulatedChargePoint
{
    // ---------------------------------------------------------------- outbox

    internal void Enqueue(QueuedMessage? message)
    {
        if (message is null)
        {
            return;
        }

        lock (_lock)
        {
            if (!message.Persistent && _link is not { Ready: true })
            {
                message.Delivered.TrySetResult();
                return;
            }

            _outbox.AddLast(message);
        }

        _outboxSignal.Release();
    }

    private async Task OutboxLoopAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await _outboxSignal.WaitAsync(ct);
                await DrainOutboxAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private async Task DrainOutboxAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Link? link;
            QueuedMessage? message;
            lock (_lock)
            {
                link = _link is { Ready: true } ready ? ready : null;
                message = _outbox.First?.Value;
            }

            if (link is null || message is null)
            {
                return;
            }

            try
            {
                await message.Send(link.Peer, link.Token);
            }
            catch (OcppCallErrorException ex)
            {
                // The CSMS refused it; resending the same message would be refused again.
                _logger.LogWarning("{Id}: {Action} was answered with {Error}; dropped.", Id, message.Action, ex.WireErrorCode);
            }
            catch (OcppValidationException ex)
            {
                _logger.LogError(ex, "{Id}: {Action} failed validation; dropped.", Id, message.Action);
            }
            catch (OcppCallTimeoutException)
            {
                _logger.LogWarning("{Id}: {Action} got no answer; retrying.", Id, message.Action);
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Connection lost: the message stays first in line for the next connection.
                _logger.LogDebug("{Id}: {Action} not delivered ({Message}); kept for the next connection.", Id, message.Action, ex.Message);
                return;
            }

            lock (_lock)
            {
                if (_outbox.First?.Value == message)
                {
                    _outbox.RemoveFirst();
                }
            }

            message.Delivered.TrySetResult();
        }
    }

    private void EnqueueAllStatuses()
    {
        foreach (var message in _adapter.AllStatuses(_time.GetUtcNow()))
        {
            Enqueue(message);
        }
    }

    // ---------------------------------------------------------------- incoming calls

    private async ValueTask<OcppCallOutcome> HandleCallAsync(OcppIncomingCall call, CancellationToken ct)
    {
        lock (_lock)
        {
            _lastCommand = new ReceivedCommand(call.Action, call.Payload.Clone(), _time.GetUtcNow());
        }

        Raise(ChargePointChangeKind.CommandReceived, null, call.Action);
        _logger.LogInformation("{Id}: received {Action}.", Id, call.Action);
        return await _adapter.HandleAsync(call, ct);
    }

    /// <summary>Runs <paramref name="work"/> once the answer to <paramref name="call"/> has been written, so follow-up messages come after it.</summary>
    internal void AfterReply(OcppIncomingCall call, Func<CancellationToken, Task> work) => _afterReply[call.MessageId] = work;

    private void OnPeerFrameLogged(ConnectionSender sender, OcppFrameLogEntry entry)
    {
        if (entry.Direction == OcppFrameDirection.Outgoing
            && entry.MessageType is OcppMessageType.CallResult or OcppMessageType.CallError
            && entry.MessageId is { } id
            && _afterReply.TryRemove(id, out var work))
        {
            // The peer logs a frame under its send lock right before handing exactly that frame to the sender,
            // so the sender runs the work once the answer is on the wire.
            sender.RunAfterNextSend(work);
        }

        FrameLogged?.Invoke(this, entry);
    }

    internal void RunInBackground(Func<CancellationToken, Task> work)
    {
        var ct = _runCts?.Token ?? CancellationToken.None;
        var task = Task.Run(
            async () =>
            {
                try
                {
                    await work(ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Stopping.
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "{Id}: background work failed.", Id);
                }
            },
            CancellationToken.None);
        _background[task] = 0;
        _ = task.ContinueWith(t => _background.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
