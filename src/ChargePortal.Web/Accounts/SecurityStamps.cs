using System.Security.Cryptography;

namespace ChargePortal.Web.Accounts;

/// <summary>
/// Rotating a user's security stamp where a change to what they may see is saved outside UserManager (site ownership,
/// saved with the site). The next revalidation of their circuits, hub connections and cookie then fails, so they
/// sign in again and get the new rights.
/// </summary>
public static class SecurityStamps
{
    public static void Rotate(ApplicationUser user)
    {
        // The same shape as UserManager's own stamps: 20 random bytes, hex.
        user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
    }
}
