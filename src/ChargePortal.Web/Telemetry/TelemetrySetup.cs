using ChargePortal.Ocpp;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Transactions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ChargePortal.Web.Hosting;

namespace ChargePortal.Web.Telemetry;

/// <summary>
/// OpenTelemetry: ASP.NET Core, HttpClient, EF Core and ChargePortal's own meters, scraped in Prometheus text format
/// at /metrics (allowed networks or token only, <see cref="MetricsAccess"/>), and pushed over OTLP, traces included,
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";
    public const string ServiceName = "ChargePortal";

    /// <summary>Measures the call router through the scale-out seam's decoration, whichever router (single node or cluster) it picks.</summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<OperationsOptions>(OperationsOptions.Section);
        builder.Services.AddSingleton(new MetricsAccess(builder.Configuration.ReadValidated<OperationsOptions>(OperationsOptions.Section)));
        builder.Services.TryAddSingleton<OcppMetrics>();
        builder.Services.AddHostedService<GaugeSources>();
        builder.Services.AddSingleton(new StationCallRouterDecoration((inner, sp) => new MeasuredStationCallRouter(inner, sp.GetRequiredService<OcppMetrics>())));

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: builder.Configuration["Cluster:NodeId"] ?? Environment.MachineName))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter(OcppMetrics.MeterName, PaymentMetrics.MeterName, InProcessStationEventBus.MeterName, "Microsoft.EntityFrameworkCore")

                    // The runtime's own: GC heap per generation after the last collection, thread pool, working set.
                    .AddMeter("System.Runtime")
                    .AddPrometheusExporter();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            // Traces only when there is somewhere to send them: recording spans for nobody would cost every request.
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter());
        }

        return builder;
    }

    public static WebApplication MapTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                var status = context.RequestServices.GetRequiredService<MetricsAccess>().Check(context);
                if (status == StatusCodes.Status200OK)
                {
                    await next(context);
                    return;
                }

                context.Response.StatusCode = status;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = status,
                        Title = status == StatusCodes.Status401Unauthorized ? "Wrong metrics token" : "Metrics not allowed from here",
                        Detail = "Metrics are served to clients in Operations:MetricsAllowedNetworks, or with 'Authorization: Bearer <Operations:MetricsToken>'.",
                    },
                });
            }), optionsName: null)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Registers the gauges read from services that exist once the host is built: stations connected, queue depths.</summary>
    private sealed class GaugeSources(OcppMetrics metrics, IStationConnectionRegistry connections, MeterValueSink meterValues, InProcessStationEventBus events) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            metrics.ObserveConnectedStations(() => connections.StationIds
                .Select(connections.Find).OfType<IStationConnection>()
                .GroupBy(c => c.Version.DisplayName()).Select(g => (g.Key, (long)g.Count())));
            metrics.ObserveQueue("meter_values", () => meterValues.Pending);
            metrics.ObserveQueue("live_events", () => events.Depth);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
