namespace ChargePortal.Web.Sites;

public static class SitesSetup
{
    /// <summary>Site management and the site-owner dashboard's figures.</summary>
    public static IServiceCollection AddSiteManagement(this IServiceCollection services)
    {
        services.AddSingleton<SiteAdmin>();
        services.AddSingleton<DashboardMetrics>();
        return services;
    }
}
