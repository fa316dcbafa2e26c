using System.Text.Json;

namespace ChargePortal.Ocpp.Rpc;

/// <summary>The other side answered a CALL with a CALLERROR.</summary>
public sealed class OcppCallErrorException : OcppException
{
    public OcppCallErrorException(string action, OcppCallError error)
        : base($"{action} failed with {error.WireErrorCode}: {error.Description}")
    {
        ArgumentNullException.ThrowIfNull(error);
        Action = action;
        ErrorCode = error.ErrorCode;
        WireErrorCode = error.WireErrorCode;
        Description = error.Description;
        Details = error.Details;
    }

    public OcppCallErrorException()
        : this("?", new OcppCallError("?", "GenericError", string.Empty, default))
    {
    }

    public OcppCallErrorException(string message)
        : base(message)
    {
        Action = "?";
        WireErrorCode = "GenericError";
        Description = message;
    }

    public OcppCallErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        Action = "?";
        WireErrorCode = "GenericError";
        Description = message;
    }

    public string Action { get; }

    public OcppErrorCode ErrorCode { get; }

    /// <summary>The code exactly as received.</summary>
    public string WireErrorCode { get; }

    public string Description { get; }

    public JsonElement Details { get; }
}

/// <summary>No CALLRESULT/CALLERROR arrived within <see cref="OcppRpcOptions.CallTimeout"/>.</summary>
public sealed class OcppCallTimeoutException : OcppException
{
    public OcppCallTimeoutException(string action, string messageId, TimeSpan timeout)
        : base($"{action} ({messageId}) got no answer within {timeout}.")
    {
        Action = action;
        MessageId = messageId;
        Timeout = timeout;
    }

    public OcppCallTimeoutException()
        : this("?", "?", TimeSpan.Zero)
    {
    }

    public OcppCallTimeoutException(string message)
        : base(message)
    {
        Action = MessageId = "?";
    }

    public OcppCallTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
        Action = MessageId = "?";
    }

    public string Action { get; }

    public string MessageId { get; }

    public TimeSpan Timeout { get; }
}

/// <summary>The peer was disposed (the connection closed) while a call was queued or waiting for its answer.</summary>
public sealed class OcppConnectionClosedException : OcppException
{
    public OcppConnectionClosedException()
        : base("The OCPP connection is closed.")
    {
    }

    public OcppConnectionClosedException(string message)
        : base(message)
    {
    }

    public OcppConnectionClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
