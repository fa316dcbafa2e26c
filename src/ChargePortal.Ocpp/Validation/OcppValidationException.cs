namespace ChargePortal.Ocpp.Validation;

/// <summary>A payload did not conform to its OCPP schema (thrown before sending, or on a non-conforming response).</summary>
public sealed class OcppValidationException : OcppException
{
    public OcppValidationException(string action, OcppMessageKind kind, OcppErrorCode errorCode, string description)
        : base($"{action} {kind.ToString().ToUpperInvariant()} is invalid ({errorCode}): {description}")
    {
        Action = action;
        Kind = kind;
        ErrorCode = errorCode;
        Description = description;
    }

    public OcppValidationException()
        : this("?", OcppMessageKind.Request, OcppErrorCode.GenericError, "invalid")
    {
    }

    public OcppValidationException(string message)
        : base(message)
    {
        Action = "?";
        Description = message;
        ErrorCode = OcppErrorCode.GenericError;
    }

    public OcppValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Action = "?";
        Description = message;
        ErrorCode = OcppErrorCode.GenericError;
    }

    public string Action { get; }

    public OcppMessageKind Kind { get; }

    public OcppErrorCode ErrorCode { get; }

    public string Description { get; }
}
