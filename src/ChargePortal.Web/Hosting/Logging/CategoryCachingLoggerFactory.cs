using System.Collections.Concurrent;

namespace ChargePortal.Web.Hosting.Logging;

/// <summary>
/// One logger per category, as Microsoft's own <see cref="LoggerFactory"/> keeps. Serilog's factory builds a new
/// logger (with its own enriched Serilog logger and event-id cache) on every <see cref="CreateLogger"/>, and some
/// callers ask per use: EF Core once per category for every DbContext, the cookie authentication handler on every
/// request, a station's WebSocket included, where it is kept for as long as the station stays connected.
/// </summary>
public sealed class CategoryCachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    // Categories are type and component names: a bounded set for the life of the process.
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, factory) => factory.CreateLogger(name), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
