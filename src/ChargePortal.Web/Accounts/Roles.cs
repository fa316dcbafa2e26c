namespace ChargePortal.Web.Accounts;

/// <summary>The four roles of the portal. A new registration is a <see cref="Driver"/>.</summary>
public static class Roles
{
    public const string Driver = "Driver";
    public const string SiteOwner = "SiteOwner";
    public const string Operator = "Operator";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Driver, SiteOwner, Operator, Admin];

    /// <summary>Comma-joined role lists for [Authorize(Roles = ...)].</summary>
    public const string Staff = Operator + "," + Admin;
    public const string DashboardUsers = SiteOwner + "," + Operator + "," + Admin;
}

public static class Policies
{
    /// <summary>Operators and admins: every station, commands, tariffs, keys.</summary>
    public const string Operator = "Operator";

    /// <summary>Admins only: users and roles.</summary>
    public const string Admin = "Admin";

    /// <summary>Site owners (own sites only) and staff.</summary>
    public const string Dashboard = "Dashboard";

    /// <summary>Any signed-in user.</summary>
    public const string SignedIn = "SignedIn";
}
