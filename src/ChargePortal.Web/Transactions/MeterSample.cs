using ChargePortal.Web.Transactions.Signing;

namespace ChargePortal.Web.Transactions;

/// <summary>
/// One sampled value, version-neutral: measurand, phase, unit and context as the station named them, and its signed
/// form when the meter signed it (<paramref name="Signed"/>).
/// </summary>
public sealed record MeterSample(
    DateTimeOffset Timestamp,
    string Measurand,
    decimal Value,
    string? Unit = null,
    string? Phase = null,
    string? Context = null,
    string? Location = null,
    SignedReading? Signed = null)
{
    public const string EnergyRegister = "Energy.Active.Import.Register";
    public const string ActivePower = "Power.Active.Import";

    /// <summary>
    /// False for a 1.6 SignedData sample: it carries only the signed data, no number (<see cref="Value"/> is 0), so it
    /// never counts as a reading.
    /// </summary>
    public bool IsReading { get; init; } = true;

    /// <summary>The whole-meter import register in Wh, if this sample is one (kWh converted; phase readings ignored).</summary>
    public long? EnergyRegisterWh => IsReading && Measurand == EnergyRegister && Phase is null
        ? (long)decimal.Round(string.Equals(Unit, "kWh", StringComparison.OrdinalIgnoreCase) ? Value * 1000m : Value)
        : null;

    public decimal? ActivePowerW => IsReading && Measurand == ActivePower && Phase is null
        ? string.Equals(Unit, "kW", StringComparison.OrdinalIgnoreCase) ? Value * 1000m : Value
        : null;
}

/// <summary>The samples of one MeterValues message (or of a transaction message), and where they belong.</summary>
public sealed record MeterReadingBatch(string StationId, int EvseId, int ConnectorId, string? OcppTransactionId, IReadOnlyList<MeterSample> Samples);
