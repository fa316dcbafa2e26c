using ChargePortal.Web.Accounts.ApiKeys;
namespace ChargePortal.Web.Operators;

public static class OperatorsSetup
{
    public static IServiceCollection AddOperators(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<Console.StationConsoleQueries>();
        return services;
    }
}
