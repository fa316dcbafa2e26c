using ChargePortal.Web.Data;

namespace ChargePortal.Web.Hosting;

/// <summary>
/// Runs socket I/O where it completes instead of hopping to the thread pool. Kestrel by default passes every received
/// frame through several thread-pool hops (socket engine, I/O queue, pipe reader, and the send back); at 10,000
/// stations that is tens of thousands of context switches a second, which on a small machine cost more than the
/// OCPP work itself. Inline, a station's frame is read, handled and answered on the socket's event thread.
/// <para>
/// The price is that code on an event thread must not block: every connection on that thread waits meanwhile.
/// <see cref="SocketThread.LeaveAsync"/> moves work that may block (HTTP requests, database commands) to the
/// thread pool first. <c>Hosting:InlineSocketIo</c> (default true) turns the whole mode off.
/// </para>
/// <para>
/// Only with the embedded SQLite database. The runtime setting is process-wide: with a database reached over a socket
/// (PostgreSQL, SQL Server) every database read would complete on an event thread too, and the request or OCPP
/// handling after it would run there, where a blocking step stalls the database connections sharing that thread
/// (under test: HTTP requests hung for 100 s on PostgreSQL).
/// </para>
/// </summary>
public static class InlineSocketIo
{
    public const string SettingKey = "Hosting:InlineSocketIo";

    /// <summary>The runtime reads this once, when the process opens its first socket.</summary>
    public const string RuntimeVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static WebApplicationBuilder AddInlineSocketIo(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue(SettingKey, true) || DatabaseSetup.ProviderFrom(builder.Configuration) != DatabaseProvider.Sqlite)
        {
            return builder;
        }

        // An explicit setting in the environment (e.g. "0" to keep socket completions on the pool) wins.
        if (Environment.GetEnvironmentVariable(RuntimeVariable) is null)
        {
            Environment.SetEnvironmentVariable(RuntimeVariable, "1");
        }

        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
        return builder;
    }

    /// <summary>
    /// Starts every request's pipeline on the thread pool. With inline I/O Kestrel calls the application on the
    /// socket's event thread, and pages, sign-in (password hashing) and API calls may take milliseconds or block.
    /// Must be the first middleware.
    /// </summary>
    public static IApplicationBuilder UseThreadPoolForRequests(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await SocketThread.LeaveAsync();
            await next(context);
        });
}
