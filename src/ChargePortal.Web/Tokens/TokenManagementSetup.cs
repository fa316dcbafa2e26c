using ChargePortal.Web.Ocpp.Commands;

namespace ChargePortal.Web.Tokens;

public static class TokenManagementSetup
{
    public static IServiceCollection AddTokenManagement(this IServiceCollection services) =>
        services.AddSingleton<TokenAdmin>().AddSingleton<ITokenDirectory, TokenDirectory>();
}
