using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Benchmarks;

/// <summary>
/// The baseline: a minimal Kestrel WebSocket server that answers each OCPP CALL with a fixed valid
/// result and does nothing else — no validation, no database, no events. It schedules socket I/O as the host does
/// (Kestrel's default), so the two differ only in what they do per message.
/// </summary>
internal static class BaselineServer
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/health/live", () => "Healthy");

        // The GC heap after the last collection, as the host's /metrics reports it (--memory).
        app.MapGet("/gc-heap", () => GC.GetGCMemoryInfo().HeapSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        app.Map("/ocpp/{id}", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync("ocpp1.6");
            await ServeAsync(socket, context.RequestAborted);
        });
        await app.RunAsync();
    }

    private static async Task ServeAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var (id, action) = Read(buffer.AsSpan(0, result.Count));
                var payload = action switch
                {
                    "BootNotification" => $$"""{"status":"Accepted","currentTime":"{{DateTime.UtcNow:O}}","interval":300}""",
                    "Heartbeat" => $$"""{"currentTime":"{{DateTime.UtcNow:O}}"}""",
                    "StartTransaction" => """{"transactionId":1,"idTagInfo":{"status":"Accepted"}}""",
                    _ => "{}",
                };
                await socket.SendAsync(Encoding.UTF8.GetBytes($"[3,\"{id}\",{payload}]"), WebSocketMessageType.Text, true, ct);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Client went away.
        }
    }

    private static (string Id, string Action) Read(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        reader.Read();
        reader.Read();
        reader.Read();
        var id = reader.GetString() ?? "";
        reader.Read();
        return (id, reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : "");
    }
}
