using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Handling;
using ChargePortal.Web.Operators.Firmware;
using ChargePortal.Web.Operators.LocalList;

namespace ChargePortal.Web.Operators.StationTools;

/// <summary>The operator's per-station tools: firmware, diagnostics, local list (smart charging uses the command service directly).</summary>
public static class StationToolsSetup
{
    public static IServiceCollection AddOperatorStationTools(this IServiceCollection services)
    {
        services.AddValidatedOptions<FirmwareSigningOptions>(FirmwareSigningOptions.Section)
            .Validate<IHostEnvironment>((o, env) => !o.GenerateDevelopmentCertificate || env.IsDevelopment(),
                "FirmwareSigning:GenerateDevelopmentCertificate is for Development only: configure FirmwareSigning:CertificatePath and KeyPath.");
        services.AddHttpClient(FirmwareSigner.HttpClientName);
        services.AddSingleton<FirmwareSigner>();
        services.AddSingleton<FirmwareService>();
        services.AddSingleton<IStationOperationSender<UpdateFirmwareArguments>>(sp => sp.GetRequiredService<FirmwareService>());
        services.AddSingleton<PublishFirmwareRecorder>();
        services.AddSingleton<IFirmwarePublicationLog>(sp => sp.GetRequiredService<PublishFirmwareRecorder>());
        services.AddSingleton<DiagnosticsService>();
        services.AddHostedService<FirmwareStatusRecorder>();
        services.AddHostedService<Ocpp.Diagnostics.LogStatusRecorder>();
        services.AddSingleton<LocalListService>();
        return services;
    }
}
