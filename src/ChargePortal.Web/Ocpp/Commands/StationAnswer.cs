using System.Text.Json.Nodes;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>
/// The statuses stations answer commands with, across both versions' response enums. What the station sent is kept
/// in <see cref="StationAnswer.StatusText"/>; a value neither version defines is <see cref="Other"/>.
/// </summary>
public enum CommandStatus
{
    Accepted,
    Rejected,
    Failed,
    Faulted,
    Occupied,
    Unavailable,
    NotSupported,
    NotImplemented,
    VersionMismatch,
    Scheduled,
    RebootRequired,
    Unlocked,
    UnlockFailed,
    OngoingAuthorizedTransaction,
    UnknownConnector,

    /// <summary>GetInstalledCertificateIds and DeleteCertificate: no such certificate.</summary>
    NotFound,

    /// <summary>GetChargingProfiles: the station has no profile matching the criteria.</summary>
    NoProfiles,

    /// <summary>UnpublishFirmware: stopped serving the image; none with that checksum; still downloading it.</summary>
    Unpublished,
    NoFirmware,
    DownloadOngoing,
    Other,
}

/// <summary>
/// A station's answer to a command, typed. <see cref="Details"/> is the neutral JSON the HTTP API returns (every
/// response field as sent plus <c>action</c> and <c>status</c>): pages show it and the API writes it, nothing reads it.
/// </summary>
public record StationAnswer(CommandStatus Status, string StatusText, JsonObject Details)
{
    /// <summary>The station did what was asked (Unlocked is an unlock's success; Scheduled and RebootRequired a reset's).</summary>
    public bool Succeeded => Status is CommandStatus.Accepted or CommandStatus.Unlocked or CommandStatus.Scheduled or CommandStatus.RebootRequired or CommandStatus.Unpublished;

    internal static StationAnswer From(JsonObject details)
    {
        var text = details["status"]?.GetValue<string>() ?? StationAnswers.Accepted;
        return new StationAnswer(Enum.TryParse<CommandStatus>(text, ignoreCase: false, out var status) && status != CommandStatus.Other ? status : CommandStatus.Other, text, details);
    }
}

/// <summary>RemoteStart's answer, with the 2.0.1 remoteStartId the station will echo in its TransactionEvent.</summary>
public sealed record RemoteStartAnswer(CommandStatus Status, string StatusText, JsonObject Details, int RemoteStartId) : StationAnswer(Status, StatusText, Details);

/// <summary>One configuration value as both versions report it (2.0.1: <c>Component.Variable</c> keys).</summary>
public sealed record ConfigurationValue(string Key, string? Value, bool? Readonly);

public sealed record ConfigurationAnswer(CommandStatus Status, string StatusText, JsonObject Details, IReadOnlyList<ConfigurationValue> Values, IReadOnlyList<string> UnknownKeys)
    : StationAnswer(Status, StatusText, Details);

public sealed record LocalListVersionAnswer(CommandStatus Status, string StatusText, JsonObject Details, int ListVersion) : StationAnswer(Status, StatusText, Details);

/// <summary>GetTransactionStatus's answer: <see cref="OngoingIndicator"/> only when asked about one transaction.</summary>
public sealed record TransactionStatusAnswer(CommandStatus Status, string StatusText, JsonObject Details, bool? OngoingIndicator, bool MessagesInQueue)
    : StationAnswer(Status, StatusText, Details);
