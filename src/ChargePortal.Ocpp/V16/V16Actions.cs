namespace ChargePortal.Ocpp.V16;

/// <summary>The OCPP 1.6 actions with typed messages.</summary>
internal static class V16Actions
{
    public static OcppActionDescriptor[] All { get; } =
    [
        OcppActionDescriptor.Create("Authorize", OcppInitiator.ChargingStation, V16JsonContext.Default.AuthorizeRequest, V16JsonContext.Default.AuthorizeResponse),
        OcppActionDescriptor.Create("BootNotification", OcppInitiator.ChargingStation, V16JsonContext.Default.BootNotificationRequest, V16JsonContext.Default.BootNotificationResponse),
        OcppActionDescriptor.Create("ChangeAvailability", OcppInitiator.Csms, V16JsonContext.Default.ChangeAvailabilityRequest, V16JsonContext.Default.ChangeAvailabilityResponse),
        OcppActionDescriptor.Create("ChangeConfiguration", OcppInitiator.Csms, V16JsonContext.Default.ChangeConfigurationRequest, V16JsonContext.Default.ChangeConfigurationResponse),
        OcppActionDescriptor.Create("ClearCache", OcppInitiator.Csms, V16JsonContext.Default.ClearCacheRequest, V16JsonContext.Default.ClearCacheResponse),
        OcppActionDescriptor.Create("DataTransfer", OcppInitiator.Both, V16JsonContext.Default.DataTransferRequest, V16JsonContext.Default.DataTransferResponse),
        OcppActionDescriptor.Create("GetConfiguration", OcppInitiator.Csms, V16JsonContext.Default.GetConfigurationRequest, V16JsonContext.Default.GetConfigurationResponse),
        OcppActionDescriptor.Create("Heartbeat", OcppInitiator.ChargingStation, V16JsonContext.Default.HeartbeatRequest, V16JsonContext.Default.HeartbeatResponse),
        OcppActionDescriptor.Create("MeterValues", OcppInitiator.ChargingStation, V16JsonContext.Default.MeterValuesRequest, V16JsonContext.Default.MeterValuesResponse),
        OcppActionDescriptor.Create("RemoteStartTransaction", OcppInitiator.Csms, V16JsonContext.Default.RemoteStartTransactionRequest, V16JsonContext.Default.RemoteStartTransactionResponse),
        OcppActionDescriptor.Create("RemoteStopTransaction", OcppInitiator.Csms, V16JsonContext.Default.RemoteStopTransactionRequest, V16JsonContext.Default.RemoteStopTransactionResponse),
        OcppActionDescriptor.Create("Reset", OcppInitiator.Csms, V16JsonContext.Default.ResetRequest, V16JsonContext.Default.ResetResponse),
        OcppActionDescriptor.Create("StartTransaction", OcppInitiator.ChargingStation, V16JsonContext.Default.StartTransactionRequest, V16JsonContext.Default.StartTransactionResponse),
        OcppActionDescriptor.Create("StatusNotification", OcppInitiator.ChargingStation, V16JsonContext.Default.StatusNotificationRequest, V16JsonContext.Default.StatusNotificationResponse),
        OcppActionDescriptor.Create("StopTransaction", OcppInitiator.ChargingStation, V16JsonContext.Default.StopTransactionRequest, V16JsonContext.Default.StopTransactionResponse),
        OcppActionDescriptor.Create("UnlockConnector", OcppInitiator.Csms, V16JsonContext.Default.UnlockConnectorRequest, V16JsonContext.Default.UnlockConnectorResponse),
        OcppActionDescriptor.Create("GetDiagnostics", OcppInitiator.Csms, V16JsonContext.Default.GetDiagnosticsRequest, V16JsonContext.Default.GetDiagnosticsResponse),
        OcppActionDescriptor.Create("DiagnosticsStatusNotification", OcppInitiator.ChargingStation, V16JsonContext.Default.DiagnosticsStatusNotificationRequest, V16JsonContext.Default.DiagnosticsStatusNotificationResponse),
        OcppActionDescriptor.Create("FirmwareStatusNotification", OcppInitiator.ChargingStation, V16JsonContext.Default.FirmwareStatusNotificationRequest, V16JsonContext.Default.FirmwareStatusNotificationResponse),
        OcppActionDescriptor.Create("UpdateFirmware", OcppInitiator.Csms, V16JsonContext.Default.UpdateFirmwareRequest, V16JsonContext.Default.UpdateFirmwareResponse),
        OcppActionDescriptor.Create("GetLocalListVersion", OcppInitiator.Csms, V16JsonContext.Default.GetLocalListVersionRequest, V16JsonContext.Default.GetLocalListVersionResponse),
        OcppActionDescriptor.Create("SendLocalList", OcppInitiator.Csms, V16JsonContext.Default.SendLocalListRequest, V16JsonContext.Default.SendLocalListResponse),
        OcppActionDescriptor.Create("CancelReservation", OcppInitiator.Csms, V16JsonContext.Default.CancelReservationRequest, V16JsonContext.Default.CancelReservationResponse),
        OcppActionDescriptor.Create("ReserveNow", OcppInitiator.Csms, V16JsonContext.Default.ReserveNowRequest, V16JsonContext.Default.ReserveNowResponse),
        OcppActionDescriptor.Create("ClearChargingProfile", OcppInitiator.Csms, V16JsonContext.Default.ClearChargingProfileRequest, V16JsonContext.Default.ClearChargingProfileResponse),
        OcppActionDescriptor.Create("GetCompositeSchedule", OcppInitiator.Csms, V16JsonContext.Default.GetCompositeScheduleRequest, V16JsonContext.Default.GetCompositeScheduleResponse),
        OcppActionDescriptor.Create("SetChargingProfile", OcppInitiator.Csms, V16JsonContext.Default.SetChargingProfileRequest, V16JsonContext.Default.SetChargingProfileResponse),
        OcppActionDescriptor.Create("TriggerMessage", OcppInitiator.Csms, V16JsonContext.Default.TriggerMessageRequest, V16JsonContext.Default.TriggerMessageResponse),
        // Security Whitepaper edition 2
        OcppActionDescriptor.Create("CertificateSigned", OcppInitiator.Csms, V16JsonContext.Default.CertificateSignedRequest, V16JsonContext.Default.CertificateSignedResponse),
        OcppActionDescriptor.Create("DeleteCertificate", OcppInitiator.Csms, V16JsonContext.Default.DeleteCertificateRequest, V16JsonContext.Default.DeleteCertificateResponse),
        OcppActionDescriptor.Create("ExtendedTriggerMessage", OcppInitiator.Csms, V16JsonContext.Default.ExtendedTriggerMessageRequest, V16JsonContext.Default.ExtendedTriggerMessageResponse),
        OcppActionDescriptor.Create("GetInstalledCertificateIds", OcppInitiator.Csms, V16JsonContext.Default.GetInstalledCertificateIdsRequest, V16JsonContext.Default.GetInstalledCertificateIdsResponse),
        OcppActionDescriptor.Create("GetLog", OcppInitiator.Csms, V16JsonContext.Default.GetLogRequest, V16JsonContext.Default.GetLogResponse),
        OcppActionDescriptor.Create("InstallCertificate", OcppInitiator.Csms, V16JsonContext.Default.InstallCertificateRequest, V16JsonContext.Default.InstallCertificateResponse),
        OcppActionDescriptor.Create("LogStatusNotification", OcppInitiator.ChargingStation, V16JsonContext.Default.LogStatusNotificationRequest, V16JsonContext.Default.LogStatusNotificationResponse),
        OcppActionDescriptor.Create("SecurityEventNotification", OcppInitiator.ChargingStation, V16JsonContext.Default.SecurityEventNotificationRequest, V16JsonContext.Default.SecurityEventNotificationResponse),
        OcppActionDescriptor.Create("SignCertificate", OcppInitiator.ChargingStation, V16JsonContext.Default.SignCertificateRequest, V16JsonContext.Default.SignCertificateResponse),
        OcppActionDescriptor.Create("SignedFirmwareStatusNotification", OcppInitiator.ChargingStation, V16JsonContext.Default.SignedFirmwareStatusNotificationRequest, V16JsonContext.Default.SignedFirmwareStatusNotificationResponse),
        OcppActionDescriptor.Create("SignedUpdateFirmware", OcppInitiator.Csms, V16JsonContext.Default.SignedUpdateFirmwareRequest, V16JsonContext.Default.SignedUpdateFirmwareResponse),
    ];
}
