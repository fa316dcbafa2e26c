namespace ChargePortal.Web.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddAuditPages(this IServiceCollection services) => services.AddSingleton<AuditQueries>();
}
