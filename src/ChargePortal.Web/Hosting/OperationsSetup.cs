using System.Globalization;
using System.Text.Json.Serialization;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting.Logging;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace ChargePortal.Web.Hosting;

/// <summary>Socket scheduling, logging, health checks, problem details, OpenAPI and shutdown behaviour.</summary>
public static class OperationsSetup
{
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<SecretRedactingEnricher>()
            // A console write blocks when whoever reads stdout falls behind: one slow log reader would stall every
            // station whose handling logs.
            // Events go through a bounded queue to a writer thread instead; past 10,000 waiting, new ones are dropped.
            .WriteTo.Async(a => a.Console(formatProvider: CultureInfo.InvariantCulture, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"),
                bufferSize: 10_000, blockWhenFull: false),
            // Each host logs through its own logger, not the process-wide Log.Logger: two hosts in one process (tests,
            // the benchmark's in-process runs) would otherwise write into whichever was built last.
            preserveStaticLogger: true);
        CacheLoggersPerCategory(builder.Services);

        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [ReadyTag]);

        builder.Services.AddOptions<HostOptions>().Configure<Microsoft.Extensions.Options.IOptions<HostingOptions>>(
            (o, hosting) => o.ShutdownTimeout = TimeSpan.FromSeconds(hosting.Value.ShutdownTimeoutSeconds));

        return builder;
    }

    private static void CacheLoggersPerCategory(IServiceCollection services)
    {
        var serilog = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        var create = serilog.ImplementationFactory
            ?? throw new InvalidOperationException("Serilog's logger factory is expected to be registered by a factory method.");
        services.Remove(serilog);
        services.AddSingleton<ILoggerFactory>(sp => new CategoryCachingLoggerFactory((ILoggerFactory)create(sp)));
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
