using System.Diagnostics.CodeAnalysis;

namespace ChargePortal.Ocpp;

/// <summary>The error codes a CALLERROR carries; one value per meaning, spelled per version by <see cref="OcppErrorCodes.ToWireName"/>.</summary>
public enum OcppErrorCode
{
    NotImplemented,
    NotSupported,
    InternalError,
    ProtocolError,
    SecurityError,

    /// <summary>1.6 "FormationViolation", 2.0.1 "FormatViolation": the payload is syntactically wrong or has unknown fields.</summary>
    FormationViolation,
    PropertyConstraintViolation,

    /// <summary>1.6 spells it "OccurenceConstraintViolation" (one r), 2.0.1 "OccurrenceConstraintViolation".</summary>
    OccurrenceConstraintViolation,
    TypeConstraintViolation,
    GenericError,

    /// <summary>2.0.1 only; 1.6 peers receive ProtocolError instead.</summary>
    MessageTypeNotSupported,

    /// <summary>2.0.1 only; 1.6 peers receive FormationViolation instead.</summary>
    RpcFrameworkError,
}

public static class OcppErrorCodes
{
    /// <summary>The exact spelling the given version's CALLERROR uses for <paramref name="code"/>.</summary>
    public static string ToWireName(this OcppErrorCode code, OcppVersion version) => (code, version) switch
    {
        (OcppErrorCode.FormationViolation, OcppVersion.V16) => "FormationViolation",
        (OcppErrorCode.FormationViolation, _) => "FormatViolation",
        (OcppErrorCode.OccurrenceConstraintViolation, OcppVersion.V16) => "OccurenceConstraintViolation",
        (OcppErrorCode.OccurrenceConstraintViolation, _) => "OccurrenceConstraintViolation",
        // 1.6 has no codes for these; map to the nearest 1.6 code so the wire stays conformant.
        (OcppErrorCode.MessageTypeNotSupported, OcppVersion.V16) => "ProtocolError",
        (OcppErrorCode.RpcFrameworkError, OcppVersion.V16) => "FormationViolation",
        (OcppErrorCode.NotImplemented, _) => "NotImplemented",
        (OcppErrorCode.NotSupported, _) => "NotSupported",
        (OcppErrorCode.InternalError, _) => "InternalError",
        (OcppErrorCode.ProtocolError, _) => "ProtocolError",
        (OcppErrorCode.SecurityError, _) => "SecurityError",
        (OcppErrorCode.PropertyConstraintViolation, _) => "PropertyConstraintViolation",
        (OcppErrorCode.TypeConstraintViolation, _) => "TypeConstraintViolation",
        (OcppErrorCode.GenericError, _) => "GenericError",
        (OcppErrorCode.MessageTypeNotSupported, _) => "MessageTypeNotSupported",
        (OcppErrorCode.RpcFrameworkError, _) => "RpcFrameworkError",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>
    /// Reads a wire error code. Both versions' spellings are accepted, because real stations mix them up;
    /// unknown names return false.
    /// </summary>
    public static bool TryParseWireName(string? wireName, [NotNullWhen(true)] out OcppErrorCode? code)
    {
        code = wireName switch
        {
            "NotImplemented" => OcppErrorCode.NotImplemented,
            "NotSupported" => OcppErrorCode.NotSupported,
            "InternalError" => OcppErrorCode.InternalError,
            "ProtocolError" => OcppErrorCode.ProtocolError,
            "SecurityError" => OcppErrorCode.SecurityError,
            "FormationViolation" or "FormatViolation" => OcppErrorCode.FormationViolation,
            "PropertyConstraintViolation" => OcppErrorCode.PropertyConstraintViolation,
            "OccurenceConstraintViolation" or "OccurrenceConstraintViolation" => OcppErrorCode.OccurrenceConstraintViolation,
            "TypeConstraintViolation" => OcppErrorCode.TypeConstraintViolation,
            "GenericError" => OcppErrorCode.GenericError,
            "MessageTypeNotSupported" => OcppErrorCode.MessageTypeNotSupported,
            "RpcFrameworkError" => OcppErrorCode.RpcFrameworkError,
            _ => null,
        };
        return code is not null;
    }

    /// <summary>Reads a wire error code, falling back to GenericError for names neither version defines.</summary>
    public static OcppErrorCode ParseWireName(string? wireName)
        => TryParseWireName(wireName, out var code) ? code.Value : OcppErrorCode.GenericError;
}
