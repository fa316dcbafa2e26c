namespace ChargePortal.Ocpp.V201;

/// <summary>Cost</summary>
public sealed record Cost
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The kind of cost referred to in the message element amount</summary>
    public required CostKindEnum CostKind { get; init; }

    /// <summary>The estimated or actual cost per kWh</summary>
    public required int Amount { get; init; }

    /// <summary>Values: -3..3, The amountMultiplier defines the exponent to base 10 (dec). The final value is determined by: amount * 10 ^ amountMultiplier</summary>
    public int? AmountMultiplier { get; init; }
}
