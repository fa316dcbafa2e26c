using MudBlazor.Services;

namespace ChargePortal.Web.Components;

public static class PortalSetup
{
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
