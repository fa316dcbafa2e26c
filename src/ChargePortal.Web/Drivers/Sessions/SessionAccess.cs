using System.Security.Claims;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Tariffs;

namespace ChargePortal.Web.Drivers.Sessions;

/// <summary>Who may see a session: the driver it belongs to, and operators. Everyone else gets "not found".</summary>
public static class SessionAccess
{
    public static bool MaySee(ClaimsPrincipal user, SessionCost? session) =>
        session is not null
        && (user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Admin)
            || (session.Transaction.UserId is { } owner && owner == user.FindFirstValue(ClaimTypes.NameIdentifier)));
}
