using ChargePortal.Web.Accounts;
using ChargePortal.Web.Stations;

namespace ChargePortal.Web.Sites;

public sealed class Site
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string Address { get; set; } = "";
    public string City { get; set; } = "";
    public string CountryCode { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }

    /// <summary>IANA time zone id; times are stored UTC and shown in this zone.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>Site-wide power limit shared among active sessions; null means no limit.</summary>
    public int? MaxPowerW { get; set; }

    /// <summary>2.0.1 NoAuthorization starts (free vend) are accepted on every station of the site, and priced at nothing.</summary>
    public bool FreeVend { get; set; }

    /// <summary>How sessions started with a driver's RFID card are paid for here.</summary>
    public RfidBillingPolicy RfidBilling { get; set; } = RfidBillingPolicy.PostPaid;

    public List<SiteOwnership> Owners { get; set; } = [];
    public List<Station> Stations { get; set; } = [];
}

/// <summary>Which site-owner users may see a site.</summary>
public sealed class SiteOwnership
{
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
}
