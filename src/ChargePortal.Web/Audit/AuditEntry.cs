namespace ChargePortal.Web.Audit;

/// <summary>Who did what to which station, when, and what came of it.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? StationId { get; set; }
    public string? Details { get; set; }
    public string? Outcome { get; set; }
}
