using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.DeviceModel;

/// <summary>
/// Asks a 2.0.1 station that booted for the first time, or with a different vendor, model, serial number or firmware,
/// for its full device model (GetBaseReport FullInventory). The request goes out once the BootNotification answer
/// has been sent, never before it, and off the boot's own path: the station's NotifyReport parts fill the store.
/// </summary>
public sealed class BaseReportOnBoot(IOptions<OcppOptions> options, IServiceProvider services, ILogger<BaseReportOnBoot> logger) : IStationFrameTap
{
    public static readonly CommandActor Actor = new("CSMS (device model after boot)", null);

    private readonly ConcurrentDictionary<string, bool> _awaitingBootAnswer = new(StringComparer.Ordinal);

    public bool Enabled => options.Value.BaseReportOnBoot;

    /// <summary>Called by the boot handler: the report is requested right after the answer goes out.</summary>
    public void RequestAfterBootAnswer(string stationId)
    {
        if (Enabled)
        {
            _awaitingBootAnswer[stationId] = true;
        }
    }

    public void Attach(IStationConnection connection)
    {
        if (connection.Version != OcppVersion.V201)
        {
            return;
        }

        connection.Peer.FrameLogged += (_, frame) =>
        {
            if (frame is { Direction: OcppFrameDirection.Outgoing, MessageType: OcppMessageType.CallResult, Action: "BootNotification" }
                && _awaitingBootAnswer.TryRemove(connection.StationId, out bool _))
            {
                // The peer logs the answer while holding its send lock: the report request queues behind the answer.
                _ = Task.Run(() => SendAsync(connection.StationId));
            }
        };
    }

    private async Task SendAsync(string stationId)
    {
        try
        {
            var commands = services.GetRequiredService<StationCommandService>();
            var payload = JsonSerializer.SerializeToElement(new { requestId = RandomNumberGenerator.GetInt32(1, int.MaxValue), reportBase = "FullInventory" });
            var result = await commands.CallRawAsync(stationId, "GetBaseReport", payload, Actor, CancellationToken.None);
            if (result.Failure is not null)
            {
                logger.LogInformation("GetBaseReport after boot of {StationId} failed: {Detail}", stationId, result.Detail);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "GetBaseReport after boot of {StationId} failed", stationId);
        }
    }
}
