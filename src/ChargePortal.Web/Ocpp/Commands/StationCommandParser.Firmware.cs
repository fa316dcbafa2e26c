namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>Bodies of publish-firmware <c>{"location", "checksum", "retries"?, "retryInterval"?}</c> and unpublish-firmware <c>{"checksum"}</c>.</summary>
public static partial class StationCommandParser
{
    private static PublishFirmwareArguments PublishFirmware(CommandBody body)
    {
        var location = body.RequiredString("location", maxLength: 512);
        if (!Uri.TryCreate(location, UriKind.Absolute, out _))
        {
            throw new StationCommandArgumentException("location", $"location must be an absolute URL (e.g. https://files.example.com/fw.bin), got \"{location}\".");
        }

        return new PublishFirmwareArguments(location, Checksum(body), body.OptionalInt("retries"), body.OptionalInt("retryInterval"));
    }

    private static UnpublishFirmwareArguments UnpublishFirmware(CommandBody body) => new(Checksum(body));

    private static string Checksum(CommandBody body)
    {
        var checksum = body.RequiredString("checksum", maxLength: 32);
        return PublishFirmwareArguments.IsChecksum(checksum)
            ? checksum
            : throw new StationCommandArgumentException("checksum", $"checksum must be the image's MD5 as 32 hexadecimal digits, got \"{checksum}\".");
    }
}
