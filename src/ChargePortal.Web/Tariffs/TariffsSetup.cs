using ChargePortal.Web.Hosting;

namespace ChargePortal.Web.Tariffs;

public static class TariffsSetup
{
    public static IServiceCollection AddTariffs(this IServiceCollection services)
    {
        services.AddSingleton<TariffResolver>();
        services.AddSingleton<TariffAdmin>();
        services.AddSingleton<LiveCost>();
        services.AddSingleton<ReceiptMailer>();
        services.AddValidatedOptions<PricingOptions>(PricingOptions.Section);
        services.AddSingleton<PricingSequenceGate>();
        services.AddSingleton<QueuedTransactionMessages>();
        services.AddSingleton<SessionPricingService>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionPricingService>());
        services.AddSingleton<UnbilledSessionSweeper>();
        services.AddHostedService<UnbilledSessionSweeperHost>();
        return services;
    }
}
