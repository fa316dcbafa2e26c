namespace ChargePortal.Ocpp;

/// <summary>Base of the exceptions this library throws for protocol-level failures.</summary>
public class OcppException : Exception
{
    public OcppException()
    {
    }

    public OcppException(string message)
        : base(message)
    {
    }

    public OcppException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
