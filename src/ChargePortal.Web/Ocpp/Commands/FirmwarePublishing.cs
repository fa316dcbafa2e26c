using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChargePortal.Web.Ocpp.Commands;

// A 2.0.1 local controller publishing a firmware image for the stations behind it (L03/L04). 1.6 has no such messages.

/// <summary>
/// PublishFirmware: the local controller downloads <see cref="Location"/>, checks its MD5 <see cref="Checksum"/> and
/// serves it; PublishFirmwareStatusNotification reports progress with the request id the host allocates.
/// </summary>
public sealed partial record PublishFirmwareArguments(string Location, string Checksum, int? Retries, int? RetryIntervalSeconds) : StationOperation<PublishFirmwareAnswer>
{
    public override StationCommandName Command => StationCommandName.PublishFirmware;

    /// <summary>The MD5 of the image as 32 hexadecimal digits (2.0.1 PublishFirmwareRequest.checksum).</summary>
    public static bool IsChecksum(string? text) => text is not null && Md5Hex().IsMatch(text);

    internal override StationAnswer ReadAnswer(JsonObject details, StationCommandContext context)
    {
        var answer = StationAnswer.From(details);
        details["requestId"] = context.RequestId;
        return new PublishFirmwareAnswer(answer.Status, answer.StatusText, details, context.RequestId);
    }

    [GeneratedRegex("^[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Md5Hex();
}

/// <summary>PublishFirmware's answer with the request id its status notifications carry.</summary>
public sealed record PublishFirmwareAnswer(CommandStatus Status, string StatusText, JsonObject Details, int RequestId) : StationAnswer(Status, StatusText, Details);

/// <summary>UnpublishFirmware: stop serving the image with this MD5 checksum. Answers Unpublished, NoFirmware or DownloadOngoing.</summary>
public sealed record UnpublishFirmwareArguments(string Checksum) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.UnpublishFirmware;
}
