namespace ChargePortal.Ocpp.Validation;

/// <summary>One place where a payload breaks its schema: the JSON path (<c>$.evse.id</c>), what is wrong, and the CALLERROR code it maps to.</summary>
public sealed record OcppSchemaViolation(string Path, string Message, OcppErrorCode Code);
