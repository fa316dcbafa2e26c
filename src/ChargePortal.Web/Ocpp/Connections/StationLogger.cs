namespace ChargePortal.Web.Ocpp.Connections;

/// <summary>
/// The logger of one station's connection: every station shares the category <see cref="Category"/>, and each line
/// carries the station's id as the scope property <c>StationId</c>. A category per station id (the way it was) made the
/// logger factory create and keep a logger, and one per logging provider, for every station id it ever saw: memory
/// that grew with the fleet and never went away when a station disconnected.
/// </summary>
internal sealed class StationLogger(ILogger inner, string stationId) : ILogger
{
    public const string Category = "ChargePortal.Ocpp.Station";

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        using (inner.BeginScope("{StationId}", stationId))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
