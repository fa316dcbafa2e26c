using Microsoft.AspNetCore.Identity;

namespace ChargePortal.Web.Accounts;

public sealed class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string? DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
