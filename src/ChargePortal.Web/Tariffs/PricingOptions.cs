using System.ComponentModel.DataAnnotations;

namespace ChargePortal.Web.Tariffs;

public sealed class PricingOptions
{
    public const string Section = "Pricing";

    /// <summary>
    /// How long a 2.0.1 session whose events have a gap waits for the missing ones (counted from its Ended event) before
    /// it is priced with what arrived, and marked as priced incomplete. Stations deliver queued events after an outage.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SequenceWait { get; set; } = TimeSpan.FromMinutes(10);
}
