using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Ocpp.Diagnostics;

namespace ChargePortal.Web.Ocpp.Commands;

// The validated, version-neutral arguments of each command: what StationCommandParser makes of the HTTP body and
// what the 1.6 / 2.0.1 adapters translate. Field names follow the HTTP body (DESIGN.md "HTTP API contract").

/// <summary>Arguments of one station command; the concrete record says which.</summary>
public abstract record StationCommandArguments
{
    public abstract StationCommandName Command { get; }

    /// <summary>The typed answer for the adapter's neutral answer <paramref name="details"/>.</summary>
    internal virtual StationAnswer ReadAnswer(JsonObject details, StationCommandContext context) => StationAnswer.From(details);
}

/// <summary>A version-neutral operation whose station answer is a <typeparamref name="TAnswer"/>.</summary>
public abstract record StationOperation<TAnswer> : StationCommandArguments
    where TAnswer : StationAnswer;

/// <summary>
/// Where a command applies, as the body names it. OCPP 1.6 addresses connectors (0 = the whole station); 2.0.1
/// addresses EVSEs and their connectors. A 2.0.1 body that gives only <c>connectorId</c> means EVSE
/// <c>connectorId</c>, connector 1.
/// </summary>
public sealed record ConnectorAddress(int? ConnectorId, int? EvseId)
{
    public static ConnectorAddress None { get; } = new(null, null);

    public bool IsEmpty => ConnectorId is null && EvseId is null;
}

public enum ResetKind
{
    Soft,
    Hard,
}

/// <summary>Messages a station can be asked to send. Names are 1.6's, with the 2.0.1-only ones added.</summary>
public enum TriggerableMessage
{
    BootNotification,
    Heartbeat,
    StatusNotification,
    MeterValues,
    FirmwareStatusNotification,

    /// <summary>1.6 DiagnosticsStatusNotification, 2.0.1 LogStatusNotification (either name is accepted).</summary>
    DiagnosticsStatusNotification,

    /// <summary>2.0.1 only.</summary>
    TransactionEvent,

    /// <summary>A new CSR for the station's certificate (2.0.1 TriggerMessage, 1.6 ExtendedTriggerMessage SignChargePointCertificate).</summary>
    SignChargingStationCertificate,

    /// <summary>2.0.1 only: a new CSR for the ISO 15118 (V2G) certificate.</summary>
    SignV2GCertificate,

    /// <summary>2.0.1 only: new CSRs for both the station and the V2G certificate.</summary>
    SignCombinedCertificate,

    /// <summary>2.0.1 only: a local controller's status of the firmware it publishes (L03/L04).</summary>
    PublishFirmwareStatusNotification,
}

/// <summary>Charging profile purposes; 1.6 ChargePointMaxProfile and 2.0.1 ChargingStationMaxProfile are the same thing.</summary>
public enum ProfilePurpose
{
    StationMaxProfile,
    TxDefaultProfile,
    TxProfile,

    /// <summary>2.0.1 only.</summary>
    ChargingStationExternalConstraints,
}

public enum ChargingUnit
{
    W,
    A,
}

public enum LocalListUpdate
{
    Full,
    Differential,
}

public sealed record RemoteStartArguments(string IdTag, ConnectorAddress Where) : StationOperation<RemoteStartAnswer>
{
    public override StationCommandName Command => StationCommandName.RemoteStart;

    internal override StationAnswer ReadAnswer(JsonObject details, StationCommandContext context)
    {
        var answer = StationAnswer.From(details);
        return new RemoteStartAnswer(answer.Status, answer.StatusText, details, context.RemoteStartId);
    }
}

/// <summary>The transaction id as the station knows it (1.6 an integer, 2.0.1 a string), written as a string.</summary>
public sealed record RemoteStopArguments(string TransactionId) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.RemoteStop;
}

public sealed record UnlockArguments(ConnectorAddress Where) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.Unlock;
}

public sealed record ResetArguments(ResetKind Type) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.Reset;
}

public sealed record ChangeAvailabilityArguments(ConnectorAddress Where, bool Operative) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.ChangeAvailability;
}

/// <summary>Empty <see cref="Keys"/> asks for everything the version can answer directly.</summary>
public sealed record GetConfigurationArguments(IReadOnlyList<string> Keys) : StationOperation<ConfigurationAnswer>
{
    public override StationCommandName Command => StationCommandName.GetConfiguration;

    internal override StationAnswer ReadAnswer(JsonObject details, StationCommandContext context)
    {
        var answer = StationAnswer.From(details);
        var values = (details["configuration"]?.AsArray() ?? [])
            .OfType<JsonObject>()
            .Select(e => new ConfigurationValue(e["key"]!.GetValue<string>(), e["value"]?.GetValue<string>(), e["readonly"]?.GetValue<bool>()))
            .ToList();
        var unknown = (details["unknownKeys"]?.AsArray() ?? []).Select(k => k!.GetValue<string>()).ToList();
        return new ConfigurationAnswer(answer.Status, answer.StatusText, details, values, unknown);
    }
}

public sealed record SetConfigurationArguments(string Key, string Value) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.SetConfiguration;
}

public sealed record TriggerMessageArguments(TriggerableMessage Message, ConnectorAddress Where) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.TriggerMessage;
}

public sealed record ReserveNowArguments(ConnectorAddress Where, string IdTag, DateTimeOffset ExpiresAt, int ReservationId) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.ReserveNow;
}

public sealed record CancelReservationArguments(int ReservationId) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.CancelReservation;
}

/// <summary>The profile stays raw JSON here: only the adapter knows which version's ChargingProfile type it must be.</summary>
public sealed record SetChargingProfileArguments(ConnectorAddress Where, JsonElement Profile) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.SetChargingProfile;
}

public sealed record ClearChargingProfileArguments(int? ProfileId, ConnectorAddress Where, ProfilePurpose? Purpose, int? StackLevel) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.ClearChargingProfile;
}

public sealed record GetCompositeScheduleArguments(ConnectorAddress Where, int DurationSeconds, ChargingUnit? Unit) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.GetCompositeSchedule;
}

/// <summary>
/// A firmware update; with <paramref name="Signing"/> a signed one (2.0.1 L01, 1.6 SignedUpdateFirmware), whose
/// signature the operator supplied or the CSMS computed over the image.
/// </summary>
public sealed record UpdateFirmwareArguments(string Location, DateTimeOffset RetrieveAt, int? Retries, FirmwareSigning? Signing = null, DateTimeOffset? InstallAt = null)
    : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.UpdateFirmware;
}

/// <summary>
/// The signature of a firmware image (base64) and the PEM certificate whose key made it. Without a certificate, the
/// CSMS's own firmware signing certificate is the one (FirmwareSigning).
/// </summary>
public sealed record FirmwareSigning(string Signature, string? SigningCertificate)
{
    /// <summary>OCPP's signature field has at most 800 characters; signingCertificate at most 5,500.</summary>
    public const int MaxSignatureLength = 800;
    public const int MaxCertificateLength = 5500;
}

/// <summary>
/// Upload a log to this host: 1.6 GetDiagnostics (DiagnosticsLog) or the Security Whitepaper's GetLog (SecurityLog), 2.0.1 GetLog.
/// </summary>
public sealed record GetDiagnosticsArguments(DateTimeOffset? From, DateTimeOffset? To, LogKind LogType = LogKind.DiagnosticsLog) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.GetDiagnostics;
}

public sealed record SendLocalListArguments(LocalListUpdate UpdateType, IReadOnlyList<string> Tokens) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.SendLocalList;
}

public sealed record GetLocalListVersionArguments : StationOperation<LocalListVersionAnswer>
{
    public override StationCommandName Command => StationCommandName.GetLocalListVersion;

    internal override StationAnswer ReadAnswer(JsonObject details, StationCommandContext context)
    {
        var answer = StationAnswer.From(details);
        return new LocalListVersionAnswer(answer.Status, answer.StatusText, details, details["listVersion"]?.GetValue<int>() ?? 0);
    }
}

public sealed record ClearCacheArguments : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.ClearCache;
}

/// <summary><see cref="Data"/> is any JSON value; a 1.6 station only takes a string.</summary>
public sealed record DataTransferArguments(string VendorId, string? MessageId, JsonElement? Data) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.DataTransfer;
}

/// <summary>The running cost of a 2.0.1 transaction (I02); 1.6 has no such message.</summary>
public sealed record CostUpdatedArguments(string TransactionId, decimal TotalCost) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.CostUpdated;
}

/// <summary>
/// 2.0.1 GetTransactionStatus (E14) about <see cref="TransactionId"/>, or about every transaction when null (then the
/// station reports only whether it has queued transaction messages at all); 1.6 has no such message.
/// </summary>
public sealed record GetTransactionStatusArguments(string? TransactionId) : StationOperation<TransactionStatusAnswer>
{
    public override StationCommandName Command => StationCommandName.GetTransactionStatus;

    internal override StationAnswer ReadAnswer(JsonObject details, StationCommandContext context)
    {
        var answer = StationAnswer.From(details);
        return new TransactionStatusAnswer(answer.Status, answer.StatusText, details,
            details["ongoingIndicator"]?.GetValue<bool>(), details["messagesInQueue"]?.GetValue<bool>() ?? false);
    }
}
