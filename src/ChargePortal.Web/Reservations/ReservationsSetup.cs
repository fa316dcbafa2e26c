using ChargePortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChargePortal.Web.Reservations;

public static class ReservationsSetup
{
    public static IServiceCollection AddReservations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ReservationOptions>(ReservationOptions.Section);
        services.TryAddSingleton<IClusterSingletonGate, SingleNodeGate>();
        services.AddSingleton<AppTokens>();
        services.AddSingleton<ReservationCommands>();
        services.AddSingleton<ReservationService>();
        services.AddSingleton<IReservationGuard, ReservationGuard>();
        services.AddSingleton<NoShowFees>();
        services.AddSingleton<ReservationScheduler>();
        services.AddHostedService<ReservationSchedulerHost>();
        return services;
    }
}
