using ChargePortal.Ocpp.Validation;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Ocpp.Rpc;

/// <summary>
/// The other side's CALLs: answered one at a time in arrival order (OCPP-J allows one outstanding CALL per side), a
/// malformed frame answered with the CALLERROR the spec names for it.
/// </summary>
public sealed partial class OcppRpcPeer
{
    private async Task RejectMalformedAsync(OcppFrameParseResult parsed, CancellationToken ct)
    {
        _logger.LogWarning("Malformed OCPP frame ({Code}): {Description}", parsed.ErrorCode, parsed.ErrorDescription);
        switch (parsed.MessageTypeId)
        {
            // A broken answer to our call: fail it now rather than let it time out. Never answer a result with an error.
            case (int)OcppMessageType.CallResult or (int)OcppMessageType.CallError:
                PendingCall? pending;
                lock (_pendingLock)
                {
                    pending = _pending is { } p && p.MessageId == parsed.MessageId ? p : null;
                }

                pending?.Answer.TrySetException(new OcppValidationException(pending.Action, OcppMessageKind.Response, parsed.ErrorCode!.Value, parsed.ErrorDescription!));
                return;
            default:
                // 2.0.1 answers even an unreadable id, with "-1"; 1.6 has no such rule, so such frames are only logged.
                var messageId = parsed.MessageId ?? (Version == OcppVersion.V201 ? "-1" : null);
                if (messageId is not null)
                {
                    await SendAsync(OcppCallError.Create(Version, messageId, parsed.ErrorCode!.Value, parsed.ErrorDescription!), action: null, ct);
                }

                return;
        }
    }

    /// <summary>Waits for room in the queue (back-pressure on a station that floods CALLs), then starts answering.</summary>
    private async Task QueueAsync(OcppCall call, CancellationToken ct)
    {
        await _queueSlots.WaitAsync(ct);

        // Only the receive loop queues, one frame at a time, so reading and replacing the tail needs no lock.
        _answering = AnswerAfterAsync(_answering, call);
    }

    private async Task AnswerAfterAsync(Task previous, OcppCall call)
    {
        try
        {
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!IsClosed)
            {
                await AnswerAndReplyAsync(call, _closed.Token);
            }
        }
        finally
        {
            _queueSlots.Release();
        }
    }

    private async Task AnswerAndReplyAsync(OcppCall call, CancellationToken ct)
    {
        OcppFrame reply;
        try
        {
            reply = await AnswerAsync(call, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // A handler bug must never take the connection down: the caller gets InternalError.
            _logger.LogError(ex, "Handler for {Action} ({MessageId}) failed.", call.Action, call.MessageId);
            reply = OcppCallError.Create(Version, call.MessageId, OcppErrorCode.InternalError, $"{call.Action} could not be processed.");
        }

        try
        {
            await SendAsync(reply, call.Action, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Closed meanwhile: nobody is left to answer.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Sending the answer to {Action} ({MessageId}) failed.", call.Action, call.MessageId);
        }
    }

    private async Task<OcppFrame> AnswerAsync(OcppCall call, CancellationToken ct)
    {
        if (!OcppSchemaValidator.HasSchema(Version, call.Action))
        {
            return OcppCallError.Create(Version, call.MessageId, OcppErrorCode.NotImplemented, $"Unknown action '{call.Action}'.");
        }

        if (_options.ValidateIncoming)
        {
            var validation = OcppSchemaValidator.Validate(Version, call.Action, OcppMessageKind.Request, call.Payload);
            if (!validation.IsValid)
            {
                return OcppCallError.Create(Version, call.MessageId, validation.ErrorCode!.Value, validation.Description!);
            }
        }

        var outcome = await _handler.HandleCallAsync(new OcppIncomingCall(call.Action, call.MessageId, call.Payload, Version), ct);
        if (outcome.IsError)
        {
            return OcppCallError.Create(Version, call.MessageId, outcome.ErrorCode!.Value, outcome.ErrorDescription ?? string.Empty, outcome.ErrorDetails);
        }

        var payload = outcome.Payload ?? OcppJson.EmptyObject;
        if (_options.ValidateOutgoing)
        {
            var validation = OcppSchemaValidator.Validate(Version, call.Action, OcppMessageKind.Response, payload);
            if (!validation.IsValid)
            {
                _logger.LogError("Handler for {Action} produced a non-conforming response: {Description}", call.Action, validation.Description);
                return OcppCallError.Create(Version, call.MessageId, OcppErrorCode.InternalError, $"{call.Action} produced an invalid response.");
            }
        }

        return new OcppCallResult(call.MessageId, payload);
    }
}
