using ChargePortal.Web.Drivers.Cards;
using ChargePortal.Web.Drivers.Find;
using ChargePortal.Web.Hosting;

namespace ChargePortal.Web.Drivers;

public static class DriversSetup
{
    public static IServiceCollection AddDrivers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MapOptions>(MapOptions.Section);
        services.AddSingleton<StationDirectory>();
        services.AddSingleton<DriverPrices>();
        services.AddSingleton<DriverCards>();
        return services;
    }
}
