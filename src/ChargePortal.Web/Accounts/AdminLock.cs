namespace ChargePortal.Web.Accounts;

/// <summary>
/// An admin's lock (Users page) is the only lock that also stops the user's API keys. Identity's own lock-out after bad
/// sign-ins lasts minutes and anyone who knows the address can trigger it, so it bars interactive sign-in only: an
/// operator's integrations must not go down because someone typed wrong passwords at their e-mail address.
/// </summary>
public static class AdminLock
{
    /// <summary>The lock-out end an admin's lock sets: for good, until an admin unlocks.</summary>
    public static readonly DateTimeOffset Forever = DateTimeOffset.MaxValue;

    // Some providers store the end with less precision than MaxValue; any end this far out is an admin's lock.
    private static readonly DateTimeOffset Threshold = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsLockedByAdmin(ApplicationUser user) => user.LockoutEnabled && user.LockoutEnd >= Threshold;
}
