using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.V16;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Ocpp.Diagnostics;
using ChargePortal.Web.Reservations;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;
using ChargePortal.Web.Transactions.Signing;
using OcppMeterValue = ChargePortal.Ocpp.V16.MeterValue;

namespace ChargePortal.Web.Ocpp.Handling;

/// <summary>OCPP 1.6 adapter: maps each station-initiated 1.6 message onto the version-neutral services.</summary>
internal static class V16StationMessages
{
    public static ValueTask<OcppCallOutcome> HandleAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct) => call.Action switch
    {
        "BootNotification" => BootAsync(stationId, call, s, ct),
        "Heartbeat" => ValueTask.FromResult(call.Respond(new HeartbeatResponse { CurrentTime = s.Lifecycle.Heartbeat(stationId) })),
        "StatusNotification" => StatusAsync(stationId, call, s, ct),
        "Authorize" => AuthorizeAsync(stationId, call, s, ct),
        "StartTransaction" => StartAsync(stationId, call, s, ct),
        "StopTransaction" => StopAsync(stationId, call, s, ct),
        "MeterValues" => MeterValuesAsync(stationId, call, s, ct),
        "DataTransfer" => ValueTask.FromResult(call.Respond(new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId })),
        "FirmwareStatusNotification" => Notify(stationId, call, s, "Firmware", OcppEnumText.Of(call.ReadRequest<FirmwareStatusNotificationRequest>().Status), new FirmwareStatusNotificationResponse()),
        "DiagnosticsStatusNotification" => Notify(stationId, call, s, "Diagnostics", OcppEnumText.Of(call.ReadRequest<DiagnosticsStatusNotificationRequest>().Status), new DiagnosticsStatusNotificationResponse()),
        "SecurityEventNotification" => SecurityEventAsync(stationId, call, s, ct),
        "SignedFirmwareStatusNotification" => Notify(stationId, call, s, "Firmware", OcppEnumText.Of(call.ReadRequest<SignedFirmwareStatusNotificationRequest>().Status), new SignedFirmwareStatusNotificationResponse()),
        "LogStatusNotification" => LogStatus(stationId, call, s, call.ReadRequest<LogStatusNotificationRequest>()),

        "SignCertificate" => SignCertificateAsync(stationId, call, s, ct),
        _ => ValueTask.FromResult(OcppCallOutcome.NotSupported(call.Action)),
    };

    private static async ValueTask<OcppCallOutcome> BootAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<BootNotificationRequest>();
        var decision = await s.Lifecycle.BootAsync(stationId, new BootInfo(request.ChargePointVendor, request.ChargePointModel,
            request.ChargePointSerialNumber ?? request.ChargeBoxSerialNumber, request.FirmwareVersion), ct);
        s.Registration.Set(stationId, decision.Status);
        s.Abandoned.Booted(stationId);
        return call.Respond(new BootNotificationResponse
        {
            Status = decision.Status switch
            {
                StationRegistrationStatus.Accepted => RegistrationStatus.Accepted,
                StationRegistrationStatus.Pending => RegistrationStatus.Pending,
                _ => RegistrationStatus.Rejected,
            },
            CurrentTime = decision.CurrentTime,
            Interval = decision.IntervalSeconds,
        });
    }

    private static async ValueTask<OcppCallOutcome> StatusAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<StatusNotificationRequest>();
        var status = request.Status switch
        {
            ChargePointStatus.Available => ConnectorStatus.Available,
            ChargePointStatus.Preparing => ConnectorStatus.Preparing,
            ChargePointStatus.Charging => ConnectorStatus.Charging,
            ChargePointStatus.SuspendedEVSE => ConnectorStatus.SuspendedEvse,
            ChargePointStatus.SuspendedEV => ConnectorStatus.SuspendedEv,
            ChargePointStatus.Finishing => ConnectorStatus.Finishing,
            ChargePointStatus.Reserved => ConnectorStatus.Reserved,
            ChargePointStatus.Unavailable => ConnectorStatus.Unavailable,
            ChargePointStatus.Faulted => ConnectorStatus.Faulted,
            _ => ConnectorStatus.Unknown,
        };
        var errorCode = request.ErrorCode == ChargePointErrorCode.OtherError && request.VendorErrorCode is { } vendor
            ? $"OtherError:{vendor}"
            : OcppEnumText.Of(request.ErrorCode);
        await s.Lifecycle.StatusAsync(stationId, new ConnectorStatusReport(request.ConnectorId, request.ConnectorId, status, errorCode, request.Info, request.Timestamp), ct);
        if (status == ConnectorStatus.Available && request.ConnectorId > 0)
        {
            // Back after a reboot with the connector free: a session open on it lost its StopTransaction with the power.
            await s.Abandoned.CloseAfterRebootAsync(stationId, request.ConnectorId, ct);
        }

        return call.Respond(new StatusNotificationResponse());
    }

    private static async ValueTask<OcppCallOutcome> AuthorizeAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<AuthorizeRequest>();
        return call.Respond(new AuthorizeResponse { IdTagInfo = ToIdTagInfo(await s.Tokens.AuthorizeAsync(request.IdTag, stationId, ct)) });
    }

    private static async ValueTask<OcppCallOutcome> StartAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<StartTransactionRequest>();
        var authorization = await s.Tokens.AuthorizeAsync(request.IdTag, stationId, ct);
        if (authorization is { IsMasterPass: true, Status: TokenAuthorization.Accepted })
        {
            // A master pass only stops sessions (the station ends this one when told it is not Accepted).
            authorization = authorization with { Status = TokenAuthorization.MasterPassCannotStart };
        }

        var reservation = await s.Reservations.OnStartAsync(new ReservationClaim(stationId, request.ConnectorId, request.ConnectorId, request.IdTag,
            authorization.ParentIdTag, authorization.UserId, request.ReservationId, request.Timestamp), ct);

        // The session is recorded whatever the token's status: the station reports energy it delivered,
        // and it ends the session itself when told the token is not Accepted (spec 1.6, 5.16).
        var recorded = await s.Transactions.StartAsync(new TransactionStart(stationId, request.ConnectorId, request.ConnectorId, null,
            request.IdTag, authorization.UserId, request.MeterStart, request.Timestamp, request.ReservationId), ct);
        if (recorded.IsNew)
        {
            // A session still open on this connector never got its StopTransaction (power loss): this start ends it.
            await s.Abandoned.CloseSupersededAsync(stationId, request.ConnectorId, recorded.Id, request.Timestamp, ct);
        }

        return call.Respond(new StartTransactionResponse
        {
            TransactionId = int.Parse(recorded.OcppTransactionId, System.Globalization.CultureInfo.InvariantCulture),

            // A connector held for another driver's reservation: the station must end this session.
            IdTagInfo = reservation == ReservationCheck.ReservedForOther ? new IdTagInfo { Status = AuthorizationStatus.Invalid } : ToIdTagInfo(authorization),
        });
    }

    private static async ValueTask<OcppCallOutcome> StopAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<StopTransactionRequest>();
        var transactionId = request.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var known = await s.Transactions.FindAsync(stationId, transactionId, ct);
        if (request.TransactionData is { Count: > 0 } data && known is not null)
        {
            await s.MeterValues.EnqueueAsync(new MeterReadingBatch(stationId, known.EvseId, known.ConnectorId, transactionId, ToSamples(data)), ct);
        }

        await s.Transactions.StopAsync(new TransactionStop(stationId, transactionId, request.MeterStop, request.Timestamp, OcppEnumText.Of(request.Reason) ?? "Local"), ct);
        return call.Respond(new StopTransactionResponse
        {
            IdTagInfo = request.IdTag is { } idTag ? ToIdTagInfo(await s.Tokens.AuthorizeAsync(idTag, ct)) : null,
        });
    }

    private static async ValueTask<OcppCallOutcome> MeterValuesAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<MeterValuesRequest>();
        var transactionId = request.TransactionId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await s.MeterValues.EnqueueAsync(new MeterReadingBatch(stationId, request.ConnectorId, request.ConnectorId, transactionId, ToSamples(request.MeterValue)), ct);
        s.Lifecycle.Touch(stationId);
        return call.Respond(new MeterValuesResponse());
    }

    private static async ValueTask<OcppCallOutcome> SecurityEventAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<SecurityEventNotificationRequest>();
        await s.SecurityEvents.RecordAsync(stationId, request.Type, request.Timestamp, request.TechInfo, ct);

        // Kept as a station event and alerted like a 2.0.1 one: tampering or a bad certificate matters whatever the version.
        await s.Events.RecordSecurityEventAsync(stationId, request.Type, request.Timestamp, request.TechInfo, ct);
        s.Lifecycle.Notify(stationId, "Security", request.Type);
        return call.Respond(new SecurityEventNotificationResponse());
    }

    private static ValueTask<OcppCallOutcome> LogStatus(string stationId, OcppIncomingCall call, StationServices s, LogStatusNotificationRequest request)
    {
        s.Lifecycle.Notify(stationId, LogStatusRecorder.LogKindName, OcppEnumText.Of(request.Status), request.RequestId);
        return ValueTask.FromResult(call.Respond(new LogStatusNotificationResponse()));
    }

    /// <summary>Whitepaper A02/A03, as in 2.0.1: Accepted when the CSR passes the CA's checks; CertificateSigned follows.</summary>
    private static async ValueTask<OcppCallOutcome> SignCertificateAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<SignCertificateRequest>();
        var accepted = await s.CertificateSigning.OnSignCertificateAsync(stationId, request.Csr, forV2G: false, ct);
        return call.Respond(new SignCertificateResponse { Status = accepted ? GenericStatus.Accepted : GenericStatus.Rejected });
    }

    private static ValueTask<OcppCallOutcome> Notify(string stationId, OcppIncomingCall call, StationServices s, string kind, string status, object response)
    {
        s.Lifecycle.Notify(stationId, kind, status);
        return ValueTask.FromResult(call.Respond(response));
    }

    internal static IReadOnlyList<MeterSample> ToSamples(IEnumerable<OcppMeterValue> values) =>
        [.. values.SelectMany(mv => mv.SampledValue.Select(sv => ToSample(mv.Timestamp, sv)).OfType<MeterSample>())];

    private static MeterSample? ToSample(DateTimeOffset timestamp, SampledValue sv)
    {
        var measurand = OcppEnumText.Of(sv.Measurand) ?? MeterSample.EnergyRegister;
        if (sv.Format == ValueFormat.SignedData)
        {
            // Kept as sent, for the driver's transparency file; it is no number, so it never counts as a reading.
            return SignedReadingParser.FromV16Value(sv.Value) is { } signed
                ? new MeterSample(timestamp, measurand, 0m, OcppEnumText.Of(sv.Unit), OcppEnumText.Of(sv.Phase), OcppEnumText.Of(sv.Context),
                    OcppEnumText.Of(sv.Location), signed) { IsReading = false }
                : null;
        }

        if (!decimal.TryParse(sv.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return new MeterSample(timestamp, measurand, value,
            OcppEnumText.Of(sv.Unit), OcppEnumText.Of(sv.Phase), OcppEnumText.Of(sv.Context), OcppEnumText.Of(sv.Location));
    }

    private static IdTagInfo ToIdTagInfo(AuthorizationResult result) => new()
    {
        Status = result.Status switch
        {
            TokenAuthorization.Accepted => AuthorizationStatus.Accepted,
            TokenAuthorization.Blocked => AuthorizationStatus.Blocked,
            TokenAuthorization.Expired => AuthorizationStatus.Expired,

            // Includes a driver's card without the payment card its site charges sessions to: 1.6 has no NoCredit.
            _ => AuthorizationStatus.Invalid,
        },
        ExpiryDate = result.ExpiresAt,
        ParentIdTag = result.ParentIdTag,
    };
}
