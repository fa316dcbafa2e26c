namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>
/// The HTTP body of a command cannot be turned into a valid OCPP call for the station (HTTP 400). The message is
/// meant for the API user: it names the offending field and what was expected.
/// </summary>
public sealed class StationCommandArgumentException : Exception
{
    public StationCommandArgumentException()
    {
    }

    public StationCommandArgumentException(string message)
        : base(message)
    {
    }

    public StationCommandArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StationCommandArgumentException(string? field, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Field = field;
    }

    /// <summary>The body property at fault (e.g. <c>connectorId</c>), or null when the body as a whole is wrong.</summary>
    public string? Field { get; }
}
