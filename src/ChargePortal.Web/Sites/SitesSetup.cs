namespace ChargePortal.Web.Sites;

public static class SitesSetup
{
    /// <summary>Site management.</summary>
    public static IServiceCollection AddSiteManagement(this IServiceCollection services)
    {
        services.AddSingleton<SiteAdmin>();
        return services;
    }
}
