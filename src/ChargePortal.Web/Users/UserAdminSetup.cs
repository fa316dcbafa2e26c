namespace ChargePortal.Web.Users;

public static class UserAdminSetup
{
    public static IServiceCollection AddUserAdmin(this IServiceCollection services) => services.AddSingleton<UserAdmin>().AddSingleton<AccountDeletion>();
}
