using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.V201;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Ocpp.Diagnostics;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;
using ChargePortal.Web.Transactions.Signing;
using OcppMeterValue = ChargePortal.Ocpp.V201.MeterValue;

namespace ChargePortal.Web.Ocpp.Handling;

/// <summary>OCPP 2.0.1 adapter: maps each station-initiated 2.0.1 message onto the version-neutral services.</summary>
internal static class V201StationMessages
{
    public static ValueTask<OcppCallOutcome> HandleAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct) => call.Action switch
    {
        "BootNotification" => BootAsync(stationId, call, s, ct),
        "Heartbeat" => ValueTask.FromResult(call.Respond(new HeartbeatResponse { CurrentTime = s.Lifecycle.Heartbeat(stationId) })),
        "StatusNotification" => StatusAsync(stationId, call, s, ct),
        "Authorize" => AuthorizeAsync(stationId, call, s, ct),
        "TransactionEvent" => V201TransactionEvents.HandleAsync(stationId, call, s, ct),
        "MeterValues" => MeterValuesAsync(stationId, call, s, ct),
        "NotifyEvent" => NotifyEventAsync(stationId, call, s, ct),
        "NotifyMonitoringReport" => NotifyMonitoringReportAsync(stationId, call, s, ct),
        "NotifyReport" => NotifyReportAsync(stationId, call, s, ct),
        "FirmwareStatusNotification" => Notify(stationId, call, s, "Firmware", OcppEnumText.Of(call.ReadRequest<FirmwareStatusNotificationRequest>().Status), new FirmwareStatusNotificationResponse()),
        "LogStatusNotification" => LogStatus(stationId, call, s, call.ReadRequest<LogStatusNotificationRequest>()),
        "SecurityEventNotification" => SecurityEventAsync(stationId, call, s, ct),
        "ReservationStatusUpdate" => Notify(stationId, call, s, "Reservation", ReservationUpdate(call), new ReservationStatusUpdateResponse()),
        "PublishFirmwareStatusNotification" => PublishFirmwareStatusAsync(stationId, call, s, ct),
        "NotifyChargingLimit" => ChargingLimitAsync(stationId, call, s, ct),
        "ClearedChargingLimit" => ClearedChargingLimitAsync(stationId, call, s, ct),
        // Stored by ChargingProfileTracker (a StationFrameLedger) once this answer is out; it announces the stored report.
        "ReportChargingProfiles" => ValueTask.FromResult(call.Respond(new ReportChargingProfilesResponse())),
        "NotifyEVChargingNeeds" => V201ChargingNeeds.NeedsAsync(stationId, call, s, ct),
        "NotifyEVChargingSchedule" => V201ChargingNeeds.ScheduleAsync(stationId, call, s, ct),

        // Stored by DisplayMessageLedger / CustomerInformationLedger once this answer is out (O03/O04, N09/N10).
        "NotifyDisplayMessages" => Notify(stationId, call, s, "DisplayMessages", DisplayMessagesPart(call), new NotifyDisplayMessagesResponse()),
        "NotifyCustomerInformation" => Notify(stationId, call, s, "CustomerInformation", CustomerInformationPart(call), new NotifyCustomerInformationResponse()),

        "SignCertificate" => SignCertificateAsync(stationId, call, s, ct),
        "Get15118EVCertificate" => V201PlugAndCharge.EvCertificateAsync(stationId, call, s, ct),
        "GetCertificateStatus" => V201PlugAndCharge.CertificateStatusAsync(stationId, call, s, ct),
        "DataTransfer" => ValueTask.FromResult(call.Respond(new DataTransferResponse { Status = DataTransferStatusEnum.UnknownVendorId })),
        _ => ValueTask.FromResult(OcppCallOutcome.NotSupported(call.Action)),
    };

    private static async ValueTask<OcppCallOutcome> BootAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var station = call.ReadRequest<BootNotificationRequest>().ChargingStation;
        var decision = await s.Lifecycle.BootAsync(stationId, new BootInfo(station.VendorName, station.Model, station.SerialNumber, station.FirmwareVersion), ct);
        if (decision.IsNewOrChanged && decision.Status != StationRegistrationStatus.Rejected)
        {
            s.BaseReports.RequestAfterBootAnswer(stationId);
        }

        s.Registration.Set(stationId, decision.Status);
        return call.Respond(new BootNotificationResponse
        {
            Status = decision.Status switch
            {
                StationRegistrationStatus.Accepted => RegistrationStatusEnum.Accepted,
                StationRegistrationStatus.Pending => RegistrationStatusEnum.Pending,
                _ => RegistrationStatusEnum.Rejected,
            },
            CurrentTime = decision.CurrentTime,
            Interval = decision.IntervalSeconds,
        });
    }

    private static async ValueTask<OcppCallOutcome> StatusAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<StatusNotificationRequest>();
        var status = request.ConnectorStatus switch
        {
            ConnectorStatusEnum.Available => ConnectorStatus.Available,
            ConnectorStatusEnum.Occupied => ConnectorStatus.Occupied,
            ConnectorStatusEnum.Reserved => ConnectorStatus.Reserved,
            ConnectorStatusEnum.Unavailable => ConnectorStatus.Unavailable,
            ConnectorStatusEnum.Faulted => ConnectorStatus.Faulted,
            _ => ConnectorStatus.Unknown,
        };
        await s.Lifecycle.StatusAsync(stationId, new ConnectorStatusReport(request.EvseId, request.ConnectorId, status,
            status == ConnectorStatus.Faulted ? "Faulted" : null, null, request.Timestamp), ct);
        return call.Respond(new StatusNotificationResponse());
    }

    private static async ValueTask<OcppCallOutcome> AuthorizeAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<AuthorizeRequest>();
        if (request.Certificate is not null || request.Iso15118CertificateHashData is not null)
        {
            return await V201PlugAndCharge.AuthorizeContractAsync(stationId, call, request, s, ct);
        }

        var idToken = request.IdToken;
        var result = idToken.Type == IdTokenEnum.NoAuthorization
            ? await s.Tokens.AuthorizeFreeVendAsync(stationId, ct)
            : await s.Tokens.AuthorizeAsync(idToken.Value, stationId, ct);
        return call.Respond(new AuthorizeResponse { IdTokenInfo = ToIdTokenInfo(result) });
    }

    private static async ValueTask<OcppCallOutcome> MeterValuesAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<MeterValuesRequest>();
        await s.MeterValues.EnqueueAsync(new MeterReadingBatch(stationId, request.EvseId, 0, null, ToSamples(request.MeterValue)), ct);
        s.Lifecycle.Touch(stationId);
        return call.Respond(new MeterValuesResponse());
    }

    /// <summary>Stored (and alerted when it reports a problem) before the answer: the answer confirms the CSMS has it.</summary>
    private static async ValueTask<OcppCallOutcome> NotifyEventAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<NotifyEventRequest>();
        await s.Events.RecordEventsAsync(stationId, request, ct);
        foreach (var data in request.EventData)
        {
            var variable = $"{data.Component.Name}.{data.Variable.Name}";
            s.Lifecycle.Notify(stationId, "Event", $"{variable}={data.ActualValue} ({OcppEnumText.Of(data.Trigger)})");
        }

        return call.Respond(new NotifyEventResponse());
    }

    private static async ValueTask<OcppCallOutcome> NotifyMonitoringReportAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<NotifyMonitoringReportRequest>();
        await s.Events.RecordMonitoringReportAsync(stationId, request, ct);
        s.Lifecycle.Notify(stationId, "MonitoringReport", $"request {request.RequestId} part {request.SeqNo}");
        return call.Respond(new NotifyMonitoringReportResponse());
    }

    private static async ValueTask<OcppCallOutcome> SecurityEventAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<SecurityEventNotificationRequest>();
        await s.SecurityEvents.RecordAsync(stationId, request.Type, request.Timestamp, request.TechInfo, ct);
        await s.Events.RecordSecurityEventAsync(stationId, request, ct);
        s.Lifecycle.Notify(stationId, "Security", request.Type);
        return call.Respond(new SecurityEventNotificationResponse());
    }

    /// <summary>A02/A03: Accepted when the CSR passes the CA's checks; CertificateSigned follows once this answer is out.</summary>
    private static async ValueTask<OcppCallOutcome> SignCertificateAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<SignCertificateRequest>();
        var accepted = await s.CertificateSigning.OnSignCertificateAsync(stationId, request.Csr, request.CertificateType == CertificateSigningUseEnum.V2GCertificate, ct);
        return call.Respond(new SignCertificateResponse { Status = accepted ? GenericStatusEnum.Accepted : GenericStatusEnum.Rejected });
    }

    /// <summary>Each part is stored as it arrives (parts are independent: any number, any order); the answer confirms it is stored.</summary>
    private static async ValueTask<OcppCallOutcome> NotifyReportAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var report = call.ReadRequest<NotifyReportRequest>();
        await s.DeviceModel.ApplyReportAsync(stationId, report.ReportData ?? [], ct);
        s.Lifecycle.Notify(stationId, "Report", $"request {report.RequestId} part {report.SeqNo}{(report.Tbc == true ? " (more to come)" : "")}");
        return call.Respond(new NotifyReportResponse());
    }

    /// <summary>L03: a local controller's progress, stored on the station's firmware timeline before the answer.</summary>
    private static async ValueTask<OcppCallOutcome> PublishFirmwareStatusAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<PublishFirmwareStatusNotificationRequest>();
        await s.FirmwarePublications.RecordAsync(stationId, new FirmwarePublicationStatus(OcppEnumText.Of(request.Status), request.RequestId, request.Location ?? []), ct);
        return call.Respond(new PublishFirmwareStatusNotificationResponse());
    }

    /// <summary>K11–K14: stored (the site load balancer works around it from its next pass) before the answer confirms it.</summary>
    private static async ValueTask<OcppCallOutcome> ChargingLimitAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        await s.ChargingLimits.RecordAsync(stationId, call.ReadRequest<NotifyChargingLimitRequest>(), ct);
        return call.Respond(new NotifyChargingLimitResponse());
    }

    private static async ValueTask<OcppCallOutcome> ClearedChargingLimitAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        await s.ChargingLimits.ClearAsync(stationId, call.ReadRequest<ClearedChargingLimitRequest>(), ct);
        return call.Respond(new ClearedChargingLimitResponse());
    }

    private static string DisplayMessagesPart(OcppIncomingCall call)
    {
        var part = call.ReadRequest<NotifyDisplayMessagesRequest>();
        return $"request {part.RequestId}: {part.MessageInfo?.Count ?? 0} message(s){(part.Tbc == true ? " (more to come)" : "")}";
    }

    private static string CustomerInformationPart(OcppIncomingCall call)
    {
        var part = call.ReadRequest<NotifyCustomerInformationRequest>();
        return $"request {part.RequestId} part {part.SeqNo}{(part.Tbc == true ? " (more to come)" : "")}";
    }

    private static string ReservationUpdate(OcppIncomingCall call)
    {
        var update = call.ReadRequest<ReservationStatusUpdateRequest>();
        return $"{update.ReservationId}: {OcppEnumText.Of(update.ReservationUpdateStatus)}";
    }

    private static ValueTask<OcppCallOutcome> LogStatus(string stationId, OcppIncomingCall call, StationServices s, LogStatusNotificationRequest request)
    {
        s.Lifecycle.Notify(stationId, LogStatusRecorder.LogKindName, OcppEnumText.Of(request.Status), request.RequestId);
        return ValueTask.FromResult(call.Respond(new LogStatusNotificationResponse()));
    }

    private static ValueTask<OcppCallOutcome> Notify(string stationId, OcppIncomingCall call, StationServices s, string kind, string status, object response)
    {
        s.Lifecycle.Notify(stationId, kind, status);
        return ValueTask.FromResult(call.Respond(response));
    }

    internal static IReadOnlyList<MeterSample> ToSamples(IEnumerable<OcppMeterValue> values) =>
        [.. values.SelectMany(mv => mv.SampledValue.Select(sv => new MeterSample(
            mv.Timestamp,
            OcppEnumText.Of(sv.Measurand) ?? MeterSample.EnergyRegister,
            sv.UnitOfMeasure?.Multiplier is { } m and not 0 ? sv.Value * (decimal)Math.Pow(10, m) : sv.Value,
            sv.UnitOfMeasure?.Unit ?? (sv.Measurand is null or MeasurandEnum.EnergyActiveImportRegister ? "Wh" : null),
            OcppEnumText.Of(sv.Phase),
            OcppEnumText.Of(sv.Context),
            OcppEnumText.Of(sv.Location),
            sv.SignedMeterValue is { } signed ? new SignedReading(signed.SignedMeterData, signed.SigningMethod, signed.EncodingMethod, signed.PublicKey) : null)))];

    /// <summary>The token's status, with its group (the parent token) whenever it has one (C01.FR.06, E01.FR.12).</summary>
    internal static IdTokenInfo ToIdTokenInfo(AuthorizationResult result) => new()
    {
        Status = result.Status switch
        {
            TokenAuthorization.Accepted => AuthorizationStatusEnum.Accepted,
            TokenAuthorization.Blocked => AuthorizationStatusEnum.Blocked,
            TokenAuthorization.Expired => AuthorizationStatusEnum.Expired,

            // A token the CSMS knows to be not valid for charging, rather than one it has never seen (Unknown).
            TokenAuthorization.FreeVendNotOffered or TokenAuthorization.MasterPassCannotStart => AuthorizationStatusEnum.Invalid,

            // The card is fine, but the site charges it to a payment card its driver does not have on file.
            TokenAuthorization.NoPaymentCard => AuthorizationStatusEnum.NoCredit,
            _ => AuthorizationStatusEnum.Unknown,
        },
        PersonalMessage = result.Reason is { } reason ? new MessageContent { Format = MessageFormatEnum.UTF8, Language = "en", Content = reason } : null,
        CacheExpiryDateTime = result.ExpiresAt,
        // Typed as the local list types it (V201CommandAdapter), so a station comparing groups finds them equal.
        GroupIdToken = result.ParentIdTag is { } group
            ? new ChargePortal.Ocpp.V201.IdToken { Value = group, Type = result.ParentIsCard ? IdTokenEnum.ISO14443 : IdTokenEnum.Central }
            : null,
    };
}
