namespace ChargePortal.Web.Transactions;

/// <summary>One sampled value, version-neutral: measurand, phase, unit and context as the station named them.</summary>
public sealed record MeterSample(
    DateTimeOffset Timestamp,
    string Measurand,
    decimal Value,
    string? Unit = null,
    string? Phase = null,
    string? Context = null,
    string? Location = null)
{
    public const string EnergyRegister = "Energy.Active.Import.Register";
    public const string ActivePower = "Power.Active.Import";

    /// <summary>The whole-meter import register in Wh, if this sample is one (kWh converted; phase readings ignored).</summary>
    public long? EnergyRegisterWh => Measurand == EnergyRegister && Phase is null
        ? (long)decimal.Round(string.Equals(Unit, "kWh", StringComparison.OrdinalIgnoreCase) ? Value * 1000m : Value)
        : null;

    public decimal? ActivePowerW => Measurand == ActivePower && Phase is null
        ? string.Equals(Unit, "kW", StringComparison.OrdinalIgnoreCase) ? Value * 1000m : Value
        : null;
}

/// <summary>The samples of one MeterValues message (or of a transaction message), and where they belong.</summary>
public sealed record MeterReadingBatch(string StationId, int EvseId, int ConnectorId, string? OcppTransactionId, IReadOnlyList<MeterSample> Samples);
