using ChargePortal.Ocpp.V201;

namespace ChargePortal.Web.Ocpp.Commands;

public sealed partial class V201CommandAdapter
{
    private static OcppOutgoingCall PublishFirmware(PublishFirmwareArguments arguments, StationCommandContext context) =>
        Call("PublishFirmware", new PublishFirmwareRequest
        {
            Location = arguments.Location,
            Checksum = arguments.Checksum,
            Retries = arguments.Retries,
            RetryInterval = arguments.RetryIntervalSeconds,
            RequestId = context.RequestId,
        });

    private static OcppOutgoingCall UnpublishFirmware(UnpublishFirmwareArguments arguments) =>
        Call("UnpublishFirmware", new UnpublishFirmwareRequest { Checksum = arguments.Checksum });
}
