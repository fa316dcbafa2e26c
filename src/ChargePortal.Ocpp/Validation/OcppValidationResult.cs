namespace ChargePortal.Ocpp.Validation;

/// <summary>Outcome of validating one payload: valid, or the CALLERROR code and a description naming the JSON path.</summary>
public readonly record struct OcppValidationResult(bool IsValid, OcppErrorCode? ErrorCode, string? Description)
{
    public static OcppValidationResult Valid { get; } = new(true, null, null);

    public static OcppValidationResult Invalid(OcppErrorCode code, string description) => new(false, code, description);
}
