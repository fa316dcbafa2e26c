namespace ChargePortal.Web.Transactions;

/// <summary>One sampled value a station reported, kept as reported (measurand, phase, unit).</summary>
public sealed class MeterValue
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public int EvseId { get; set; }
    public long? TransactionId { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public string Measurand { get; set; } = "Energy.Active.Import.Register";
    public string? Phase { get; set; }
    public string? Unit { get; set; }
    public string? Context { get; set; }
    public string? Location { get; set; }
    public decimal Value { get; set; }
}
