namespace ChargePortal.Web.Dashboard;

public static class DashboardSetup
{
    /// <summary>The site-owner dashboard's figures.</summary>
    public static IServiceCollection AddSiteDashboard(this IServiceCollection services) =>
        services.AddSingleton<DashboardMetrics>();
}
