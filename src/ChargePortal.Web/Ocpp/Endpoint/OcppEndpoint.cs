using System.Net.WebSockets;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Web.Audit;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Hosting.RateLimiting;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Diagnostics;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Ocpp.Handling;
using ChargePortal.Web.Ocpp.MessageLog;
using ChargePortal.Web.Telemetry;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Ocpp.Endpoint;

public static class OcppEndpoint
{
    /// <summary>Where stations connect: <c>/ocpp/{chargePointId}</c>.</summary>
    public const string PathBase = "/ocpp";

    /// <summary>Whether a request is a station's connection, a request that lasts as long as the station stays connected.</summary>
    public static bool IsStationConnection(HttpRequest request) => request.Path.StartsWithSegments(PathBase);

    public static IServiceCollection AddOcpp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OcppOptions>(OcppOptions.Section);

        // The connection registry, call router and event bus come from the scale-out seam (Cluster/ClusterSetup).
        services.AddSingleton<StationLifecycle>();
        services.AddSingleton<StationStateWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<StationStateWriter>());
        services.AddSingleton<LastSeenWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<LastSeenWriter>());
        services.AddSingleton<TokenAuthorizer>();
        services.AddSingleton<TransactionRecorder>();
        services.AddSingleton<TransactionEventApplier>();
        services.AddSingleton<AbandonedSessions>();
        services.AddSingleton<MeterValueSink>();
        services.AddHostedService(sp => sp.GetRequiredService<MeterValueSink>());
        services.AddSingleton<OcppMetrics>();
        services.AddSingleton<OcppMessageLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<OcppMessageLogWriter>());
        services.AddHostedService<OcppMessageLogRetention>();
        services.AddSingleton<StationServices>();
        services.AddSingleton<StationAuthenticator>();
        services.AddSingleton<HandshakeThrottle>();
        services.AddSingleton<StationAdmission>();
        services.AddSingleton<OcppConnectionAcceptor>();
        services.AddSingleton<DiagnosticsUploads>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<StationCommandService>();
        return services;
    }

    public static IEndpointRouteBuilder MapOcpp(this IEndpointRouteBuilder endpoints)
    {
        // Stations authenticate with OCPP's own security profiles, checked by the acceptor, not by the portal's schemes.
        endpoints.Map(PathBase + "/{chargePointId}", (HttpContext context, string chargePointId, OcppConnectionAcceptor acceptor) => acceptor.AcceptAsync(context, chargePointId))
            .AllowAnonymous()
            .ExcludeFromDescription();
        endpoints.MapDiagnosticsUploads();
        endpoints.MapStationCommandsApi();
        return endpoints;
    }
}

/// <summary>The OCPP-J handshake and the life of one station connection.</summary>
public sealed class OcppConnectionAcceptor(
    IOptions<OcppOptions> options,
    StationLifecycle lifecycle,
    StationAuthenticator authenticator,
    HandshakeThrottle throttle,
    StationAdmission admission,
    IStationConnectionRegistry registry,
    StationServices services,
    OcppMessageLogWriter messageLog,
    OcppMetrics metrics,
    IHostApplicationLifetime lifetime,
    IEnumerable<IStationFrameTap> frameTaps,
    StationSecurity.NetworkProfiles.SecurityProfileUpgrades upgrades,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<OcppConnectionAcceptor>();
    private readonly ILogger _stationLogger = loggerFactory.CreateLogger(StationLogger.Category);

    public async Task AcceptAsync(HttpContext context, string chargePointId)
    {
        var ct = context.RequestAborted;
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "WebSocket required",
                detail: "This is the OCPP endpoint: connect with a WebSocket and the subprotocol ocpp1.6 or ocpp2.0.1.").ExecuteAsync(context);
            return;
        }

        if (StationRegistry.ValidateId(chargePointId) is { } invalid)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid charge point id", detail: invalid).ExecuteAsync(context);
            return;
        }

        var client = ClientAddress.Of(context);
        if (throttle.TryBegin(client, chargePointId) is { } wait)
        {
            // Before the lookup and the password hash: repeated wrong guesses cost the server next to nothing.
            _logger.LogWarning("Throttled handshake of {StationId} from {Client}", chargePointId, client);
            RetryAfterHeader.Set(context.Response, wait);
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many connection attempts",
                detail: $"Too many handshakes for this station or from this address; retry in {Math.Ceiling(wait.TotalSeconds)} seconds.").ExecuteAsync(context);
            return;
        }

        // Waits here, before any work, while the node is busy with other stations' connects (a reconnect storm).
        using var ticket = await EnterAsync(context, ct);
        if (ticket is null)
        {
            return;
        }

        var station = await lifecycle.FindForConnectAsync(chargePointId, options.Value.AllowUnknownStations, ct);
        if (station is null)
        {
            throttle.Failed(client, chargePointId);
            _logger.LogWarning("Refused unknown station {StationId}", chargePointId);
            await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown station",
                detail: $"No station '{chargePointId}' is registered.").ExecuteAsync(context);
            return;
        }

        var upgradedTo = authenticator.MeetsPendingProfile(context, station);
        if (upgradedTo is null && authenticator.Check(context, station) is { } authFailure)
        {
            throttle.Failed(client, chargePointId);
            _logger.LogWarning("Refused {StationId}: {Reason}", chargePointId, authFailure);
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"OCPP\", charset=\"UTF-8\"";
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: authFailure).ExecuteAsync(context);
            return;
        }

        var version = OcppVersions.Negotiate(context.WebSockets.WebSocketRequestedProtocols);
        if (version is null)
        {
            // The spec: complete the handshake without a subprotocol, then close.
            using var refused = await context.WebSockets.AcceptWebSocketAsync();
            try
            {
                await refused.CloseAsync(WebSocketCloseStatus.ProtocolError, "Supported subprotocols: ocpp1.6, ocpp2.0.1", ct);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The client went away before the closing handshake finished: it was being refused anyway.
                _logger.LogDebug(ex, "{StationId} dropped the connection while being refused for its subprotocols", chargePointId);
            }

            return;
        }

        if (upgradedTo is { } profile)
        {
            await upgrades.ApplyAsync(chargePointId, profile, ct);
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = version.Value.Subprotocol(),
            KeepAliveInterval = TimeSpan.FromSeconds(Math.Max(0, options.Value.KeepAliveSeconds)),
        });
        await RunAsync(chargePointId, version.Value, socket, ticket, ct);
    }

    private async Task<AdmissionTicket?> EnterAsync(HttpContext context, CancellationToken ct)
    {
        try
        {
            if (await admission.EnterAsync(ct) is { } ticket)
            {
                return ticket;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The station gave up waiting.
            return null;
        }

        _logger.LogWarning("Refused a connection: {Waiting} stations already wait to connect (Ocpp:AdmissionQueueLimit)", admission.Waiting);
        RetryAfterHeader.Set(context.Response, TimeSpan.FromSeconds(options.Value.AdmissionHoldSeconds));
        await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many stations connecting",
            detail: "Too many stations are connecting at once; retry later.").ExecuteAsync(context);
        return null;
    }

    private async Task RunAsync(string stationId, OcppVersion version, WebSocket socket, AdmissionTicket ticket, CancellationToken requestAborted)
    {
        var logger = new StationLogger(_stationLogger, stationId);
        var rpcOptions = new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(Math.Max(1, options.Value.CallTimeoutSeconds)) };
        await using var connection = new StationConnection(stationId, version, socket,
            c => new CsmsCallHandler(stationId, version, services, logger, metrics), rpcOptions, options.Value.MaxFrameBytes, messageLog, time, logger);
        foreach (var tap in frameTaps)
        {
            tap.Attach(connection);
        }

        ticket.ReleaseOnBootAnswer(connection);

        if (registry.Register(connection) is { } previous)
        {
            _logger.LogInformation("{StationId} reconnected; closing its previous connection", stationId);
            await previous.CloseAsync("Replaced by a new connection", CancellationToken.None);
        }

        _logger.LogInformation("{StationId} connected with OCPP {Version}", stationId, version.DisplayName());
        await lifecycle.ConnectedAsync(stationId, version, CancellationToken.None);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        try
        {
            await connection.RunAsync(stop.Token);
        }
        finally
        {
            if (registry.Unregister(connection))
            {
                await lifecycle.DisconnectedAsync(stationId, CancellationToken.None);
                _logger.LogInformation("{StationId} disconnected", stationId);
            }
        }
    }
}
