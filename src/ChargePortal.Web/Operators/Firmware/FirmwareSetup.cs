using ChargePortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChargePortal.Web.Operators.Firmware;

public static class FirmwareSetup
{
    public static IServiceCollection AddFirmwareAndDiagnostics(this IServiceCollection services)
    {
        services.TryAddSingleton<IClusterSingletonGate, SingleNodeGate>();
        services.AddSingleton<FirmwareService>();
        services.AddSingleton<DiagnosticsService>();
        services.AddHostedService<FirmwareStatusRecorder>();
        return services;
    }
}
