using System.Data.Common;
using ChargePortal.Web.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChargePortal.Web.Data;

/// <summary>
/// Moves database work off socket event threads before it starts. SQLite does its I/O synchronously even behind
/// EF's async methods, so a command run inline on a socket thread (<see cref="InlineSocketIo"/>) would stall every
/// station on that thread for as long as it takes. The guard hops once, when a connection opens or a command runs on
/// such a thread; on the thread pool it costs a property read. The hop moves EF's own caller of the interceptor; a frame
/// further up that had not yet awaited can still see the interceptor done and run the command inline. That needs the
/// pool to finish the rest of the chain in the moment the socket thread takes to unwind a few frames, and costs one
/// command's I/O on that thread, never a wrong result.
/// </summary>
internal sealed class SocketThreadDbGuard : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public static readonly SocketThreadDbGuard Instance = new();

    private SocketThreadDbGuard()
    {
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default) =>
        SocketThread.LeaveWith(result);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        SocketThread.LeaveWith(result);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        SocketThread.LeaveWith(result);

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        SocketThread.LeaveWith(result);
}
