using System.ComponentModel.DataAnnotations;

namespace ChargePortal.Web.Cluster;

/// <summary>
/// The <c>Cluster</c> section as configured; <see cref="ClusterOptions.From"/> turns it (and <c>Redis:ConnectionString</c>)
/// into the options the cluster parts use.
/// </summary>
public sealed class ClusterSettings : IValidatableObject
{
    public const string Section = "Cluster";

    /// <summary>This node's id; empty: the machine name plus a random suffix.</summary>
    public string? NodeId { get; set; }

    /// <summary>Prefix of the pub/sub channels (events, SignalR); empty: <c>chargeportal</c>.</summary>
    public string? ChannelPrefix { get; set; }

    [Range(0.1, 3600)]
    public double OwnershipTtlSeconds { get; set; } = 45;

    [Range(0.1, 3600)]
    public double OwnershipRefreshSeconds { get; set; } = 15;

    [Range(0.1, 3600)]
    public double LeaseSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(NodeId), NodeId), (nameof(ChannelPrefix), ChannelPrefix) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !ClusterOptions.IsSafeName(value))
            {
                yield return new ValidationResult($"'{value}' is invalid: use 1-64 letters, digits, '.', '_' or '-'.", [name]);
            }
        }
    }
}
