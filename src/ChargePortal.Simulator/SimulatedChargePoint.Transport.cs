using System.Globalization;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Simulator.Transport;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Simulator;

public sealed partial class SimulatedChargePoint
{
    // ---------------------------------------------------------------- connection

    private async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        var request = new ChargePointConnectRequest(Options.CsmsUrl, Id, Version, Options.Password);
        while (!ct.IsCancellationRequested)
        {
            SetConnectionState(ChargePointConnectionState.Connecting);
            IChargePointConnection connection;
            try
            {
                connection = await _transport.ConnectAsync(request, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var delay = Backoff(failures++);
                _logger.LogWarning("{Id}: connecting to {Url} failed ({Message}); retrying in {Delay}.", Id, request.EndpointUrl, ex.Message, delay);
                await DelayQuietlyAsync(delay, ct);
                continue;
            }

            failures = 0;
            await RunConnectionAsync(connection, ct);
            if (ct.IsCancellationRequested)
            {
                break;
            }

            var rebooting = Interlocked.Exchange(ref _rebootRequested, 0) == 1;
            SetConnectionState(ChargePointConnectionState.Connecting);
            await DelayQuietlyAsync(rebooting ? Options.RebootDelay : Options.ReconnectMinDelay, ct);
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var delay = Options.ReconnectMinDelay * Math.Pow(2, Math.Min(failures, 16));
        return delay > Options.ReconnectMaxDelay ? Options.ReconnectMaxDelay : delay;
    }

    private async Task RunConnectionAsync(IChargePointConnection connection, CancellationToken ct)
    {
        using var linkCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var rpcOptions = new OcppRpcOptions { CallTimeout = Options.CallTimeout };
        var sender = new ConnectionSender(this, connection);
        var peer = new OcppRpcPeer(Version, sender, OcppCallHandler.From(HandleCallAsync), rpcOptions, _time, _logger);
        void OnFrameLogged(object? source, OcppFrameLogEntry entry) => OnPeerFrameLogged(sender, entry);
        peer.FrameLogged += OnFrameLogged;
        var link = new Link(connection, peer, linkCts);
        lock (_lock)
        {
            _link = link;
        }

        SetConnectionState(ChargePointConnectionState.Connected);
        _logger.LogInformation("{Id}: connected ({Subprotocol}).", Id, connection.Subprotocol);
        var receive = Task.Run(() => ReceiveLoopAsync(link), CancellationToken.None);
        try
        {
            if (!_bootAccepted || Options.BootOnReconnect)
            {
                await BootUntilAcceptedAsync(link);
            }

            lock (_lock)
            {
                link.Ready = true;
            }

            SetConnectionState(ChargePointConnectionState.Ready);
            _everReady.TrySetResult();
            EnqueueAllStatuses();
            _outboxSignal.Release();
            await HeartbeatLoopAsync(link);
        }
        catch (Exception ex) when (ex is OperationCanceledException or OcppConnectionClosedException && link.Token.IsCancellationRequested)
        {
            // The connection closed.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning("{Id}: connection failed: {Message}", Id, ex.Message);
        }
        finally
        {
            lock (_lock)
            {
                link.Ready = false;
                if (ReferenceEquals(_link, link))
                {
                    _link = null;
                }

                // Messages that only make sense online are dropped; transaction messages wait for the next connection.
                for (var node = _outbox.First; node is not null;)
                {
                    var next = node.Next;
                    if (!node.Value.Persistent)
                    {
                        _outbox.Remove(node);
                        node.Value.Delivered.TrySetResult();
                    }

                    node = next;
                }
            }

            await linkCts.CancelAsync();
            try
            {
                await connection.CloseAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogDebug("{Id}: closing the connection failed: {Message}", Id, ex.Message);
            }

            await receive;
            peer.FrameLogged -= OnFrameLogged;
            await peer.DisposeAsync();
            await connection.DisposeAsync();
            _logger.LogInformation("{Id}: disconnected.", Id);
            SetConnectionState(ChargePointConnectionState.Connecting);
        }
    }

    private async Task ReceiveLoopAsync(Link link)
    {
        try
        {
            while (await link.Connection.ReceiveAsync(link.Token) is { } frame)
            {
                await link.Peer.ReceiveAsync(frame, link.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or OcppConnectionClosedException)
        {
            // Closed from our side.
        }
        catch (Exception ex)
        {
            _logger.LogWarning("{Id}: receiving failed: {Message}", Id, ex.Message);
        }
        finally
        {
            await link.Cts.CancelAsync();
        }
    }

    private async Task BootUntilAcceptedAsync(Link link)
    {
        while (true)
        {
            var result = await _adapter.BootAsync(link.Peer, _bootReason, link.Token);
            lock (_lock)
            {
                _registrationStatus = result.Status;
            }

            Raise(ChargePointChangeKind.Registration, null, $"BootNotification: {result.Status} (interval {result.IntervalSeconds} s).");
            if (result.Status == "Accepted")
            {
                _bootAccepted = true;
                _bootReason = BootReason.PowerUp;
                if (result.IntervalSeconds > 0)
                {
                    Configuration.TrySet("HeartbeatInterval", result.IntervalSeconds.ToString(CultureInfo.InvariantCulture));
                }

                return;
            }

            var retry = TimeSpan.FromSeconds(result.IntervalSeconds > 0 ? result.IntervalSeconds : 30);
            await Task.Delay(Scaled(retry), _time, link.Token);
        }
    }

    private async Task HeartbeatLoopAsync(Link link)
    {
        RescheduleHeartbeat();
        while (true)
        {
            link.Token.ThrowIfCancellationRequested();
            var signal = _heartbeatSignal.Token;
            DateTimeOffset due;
            lock (_lock)
            {
                due = _nextHeartbeatAt;
            }

            var wait = due == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : due - _time.GetUtcNow();
            if (wait == Timeout.InfiniteTimeSpan || wait > TimeSpan.Zero)
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(link.Token, signal);
                try
                {
                    await Task.Delay(wait, _time, linked.Token);
                }
                catch (OperationCanceledException) when (!link.Token.IsCancellationRequested)
                {
                    // The interval changed; recompute.
                }

                continue;
            }

            await _adapter.HeartbeatAsync(link.Peer, link.Token);
            RescheduleHeartbeat();
        }
    }

    private void RescheduleHeartbeat()
    {
        var interval = HeartbeatInterval;
        lock (_lock)
        {
            _nextHeartbeatAt = interval <= TimeSpan.Zero ? DateTimeOffset.MaxValue : _time.GetUtcNow() + Scaled(interval);
        }

        _heartbeatSignal.Fire();
    }

    private void OnConfigurationChanged(object? sender, ConfigurationEntry entry)
    {
        Raise(ChargePointChangeKind.Configuration, null, $"{entry.Key} = {entry.Value}");
        if (entry.Key == "HeartbeatInterval")
        {
            RescheduleHeartbeat();
        }
        else if (entry.Key == "MeterValueSampleInterval")
        {
            _meterSignal.Fire();
        }
    }
}
