using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.V201;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Reservations;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;

namespace ChargePortal.Web.Ocpp.Handling;

/// <summary>
/// OCPP 2.0.1 TransactionEvent: finds the session's token wherever it comes from (the event's idToken, in any event
/// and in any order, or the remote start the event answers), applies the event once per seqNo, and answers with the
/// token's status (with its group) and, for Ended, the total cost (I03.FR.02).
/// </summary>
internal static class V201TransactionEvents
{
    private const string TransactionBegin = "Transaction.Begin";
    private const string TransactionEnd = "Transaction.End";

    /// <summary>The rank of a token that only ended the authorisation (E07): the session stays its starter's.</summary>
    private const int StopTokenRank = int.MaxValue;

    public static async ValueTask<OcppCallOutcome> HandleAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<TransactionEventRequest>();
        var info = request.TransactionInfo;
        var samples = V201StationMessages.ToSamples(request.MeterValue ?? []);
        var (token, authorization) = await ResolveTokenAsync(stationId, request, s, ct);
        var kind = request.EventType switch
        {
            TransactionEventEnum.Started => TransactionEventKind.Started,
            TransactionEventEnum.Ended => TransactionEventKind.Ended,
            _ => TransactionEventKind.Updated,
        };
        var registers = samples.Select(x => x.EnergyRegisterWh).OfType<long>().ToList();
        var applied = await s.TransactionEvents.ApplyAsync(new TransactionEventInput(
            stationId,
            info.TransactionId,
            kind,
            request.SeqNo,
            request.Timestamp,
            OcppEnumText.Of(request.TriggerReason),
            request.Evse?.Id,
            request.Evse?.ConnectorId,
            token,
            Register(samples, TransactionBegin) ?? (kind == TransactionEventKind.Started && registers.Count > 0 ? registers.Min() : null),
            kind == TransactionEventKind.Ended ? Register(samples, TransactionEnd) ?? (registers.Count > 0 ? registers.Max() : null) : null,
            kind == TransactionEventKind.Ended ? OcppEnumText.Of(info.StoppedReason) ?? "Local" : null,
            request.ReservationId,
            info.RemoteStartId,
            OcppEnumText.Of(info.ChargingState)), ct);

        if (applied.ArrivedOnEvse)
        {
            // A session still open on this EVSE may be one the station lost (its Ended never came): the station is asked.
            s.LostSessions.NewSessionStarted(stationId, applied.EvseId, applied.Id);
        }

        if (applied.IsNew && samples.Count > 0)
        {
            await s.MeterValues.EnqueueAsync(new MeterReadingBatch(stationId, applied.EvseId, applied.ConnectorId, info.TransactionId, samples), ct);
        }

        // The session just got its owner: the reservation it may use, and the driver's card hold (a start's own event links it).
        var reservation = ReservationCheck.NotReserved;
        if (applied.IsNew && (applied.Created || applied.TokenAssigned) && token?.IdTag is { } owner)
        {
            reservation = await s.Reservations.OnStartAsync(new ReservationClaim(stationId, applied.EvseId, applied.ConnectorId, owner,
                authorization?.ParentIdTag, token.UserId, request.ReservationId, request.Timestamp), ct);
            if (applied.TokenAssigned && !applied.Created)
            {
                await s.Holds.LinkAsync(stationId, owner, applied.Id, ct);
            }
        }

        if (applied.IsLatest && request.Offline != true && info.ChargingState is { } chargingState and not ChargingStateEnum.Idle && applied.EvseId > 0)
        {
            // 2.0.1 StatusNotification only knows Occupied: the charging state is what drivers and operators need to see.
            await s.Lifecycle.StatusAsync(stationId, new ConnectorStatusReport(applied.EvseId, applied.ConnectorId, ToConnectorStatus(chargingState), null, null, request.Timestamp), ct);
        }

        if (request.Offline == true && kind != TransactionEventKind.Ended)
        {
            // Back online with queued events: the CSMS asks whether more are queued (E14) before pricing with gaps.
            // A queued Ended event is asked about by its own transactionId when pricing finds events missing
            // (E14.FR.03/.04, TC_E_31): a station-wide question as well would be answered for every transaction.
            s.QueuedTransactionMessages.QueuedEventReceived(stationId);
        }

        s.Lifecycle.Touch(stationId);
        return call.Respond(new TransactionEventResponse
        {
            // A connector held for another driver's reservation: the station must end this transaction.
            IdTokenInfo = reservation == ReservationCheck.ReservedForOther ? new IdTokenInfo { Status = AuthorizationStatusEnum.NotAtThisTime }
                : authorization is null ? null : V201StationMessages.ToIdTokenInfo(authorization),
            TotalCost = kind == TransactionEventKind.Ended && applied.Status == TransactionStatus.Completed
                ? await TotalCostAsync(applied.Id, samples, s.Costs, ct)
                : null,
        });
    }

    /// <summary>
    /// The event's own idToken (NoAuthorization: free vend where the station or its site offers it), else the token of
    /// the remote start it answers (F01/F02: stations often echo only the remoteStartId). The authorization is what the
    /// answer reports; it is null when the event carried no idToken.
    /// </summary>
    private static async Task<(SessionToken? Token, AuthorizationResult? Authorization)> ResolveTokenAsync(
        string stationId, TransactionEventRequest request, StationServices s, CancellationToken ct)
    {
        var rank = request.TriggerReason == TriggerReasonEnum.StopAuthorized ? StopTokenRank : request.SeqNo;
        if (request.IdToken is { } idToken)
        {
            var type = OcppEnumText.Of(idToken.Type);
            if (idToken.Type == IdTokenEnum.NoAuthorization)
            {
                var freeVend = await s.Tokens.AuthorizeFreeVendAsync(stationId, ct);
                return (freeVend.Status == TokenAuthorization.Accepted ? new SessionToken(null, null, type, rank, FreeVend: true) : null, freeVend);
            }

            // A token that only ends the session is not asked to pay; the starter's card carries the session.
            var authorization = await s.Tokens.AuthorizeAsync(idToken.Value, rank == StopTokenRank ? null : stationId, ct);
            if (authorization.IsMasterPass)
            {
                // C16: a master pass stops sessions (stoppedReason MasterPass) and never owns one; starting with it is refused (C16.FR.03).
                var stopping = rank == StopTokenRank || request.TransactionInfo.StoppedReason == ReasonEnum.MasterPass;
                return (null, stopping || authorization.Status != TokenAuthorization.Accepted ? authorization : authorization with { Status = TokenAuthorization.MasterPassCannotStart });
            }

            return (new SessionToken(idToken.Value, authorization.UserId, type, rank), authorization);
        }

        if (request.TransactionInfo.RemoteStartId is { } remoteStartId && await s.RemoteStarts.FindIdTagAsync(stationId, remoteStartId, ct) is { } idTag)
        {
            var requested = await s.Tokens.AuthorizeAsync(idTag, ct);
            return (new SessionToken(idTag, requested.UserId, OcppEnumText.Of(IdTokenEnum.Central), request.SeqNo), null);
        }

        return (null, null);
    }

    /// <summary>The final cost, priced now from the stored samples and this event's (the writer may not have stored them yet); 0.00 when free.</summary>
    private static async Task<decimal?> TotalCostAsync(long transactionId, IReadOnlyList<MeterSample> samples, LiveCost costs, CancellationToken ct)
    {
        var unsaved = samples.Where(x => x.EnergyRegisterWh is not null).Select(x => new EnergySample(x.Timestamp, x.EnergyRegisterWh!.Value)).ToList();
        var priced = await costs.EstimateAsync(transactionId, unsaved, ct);
        return priced is null ? null : priced.Cost?.Total ?? 0m;
    }

    private static ConnectorStatus ToConnectorStatus(ChargingStateEnum state) => state switch
    {
        ChargingStateEnum.Charging => ConnectorStatus.Charging,
        ChargingStateEnum.SuspendedEV => ConnectorStatus.SuspendedEv,
        ChargingStateEnum.SuspendedEVSE => ConnectorStatus.SuspendedEvse,

        // Plugged in without energy flowing. (Idle, nothing plugged in, leaves the connector as StatusNotification reports it.)
        _ => ConnectorStatus.Occupied,
    };

    private static long? Register(IEnumerable<MeterSample> samples, string context) =>
        samples.Where(x => x.Context == context).Select(x => x.EnergyRegisterWh).FirstOrDefault(v => v is not null);
}
