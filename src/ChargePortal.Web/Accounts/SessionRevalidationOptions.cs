using System.ComponentModel.DataAnnotations;
namespace ChargePortal.Web.Accounts;

/// <summary>
/// How often open sessions are checked against the user's security stamp. A role change, a site-ownership change, a
/// lock-out or a password change rotates the stamp; within one interval the user's Blazor circuits sign out, their
/// live-hub connections are closed and their cookie stops working.
/// </summary>
public sealed class SessionRevalidationOptions
{
    public const string Section = "Accounts";

    [Range(1, 3600)]

    public int RevalidationIntervalSeconds { get; set; } = 10;

    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Clamp(RevalidationIntervalSeconds, 1, 3600));
}
