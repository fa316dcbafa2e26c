using ChargePortal.Web.Hosting;

namespace ChargePortal.Web.Reservations;

public static class ReservationsSetup
{
    public static IServiceCollection AddReservations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ReservationOptions>(ReservationOptions.Section);
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
