using System.Data.Common;
using ChargePortal.Web.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChargePortal.Web.Data;

/// <summary>
/// Moves database work off socket event threads before it starts. SQLite does its I/O synchronously even behind
/// EF's async methods, so a command run inline on a socket thread (<see cref="InlineSocketIo"/>) would stall every
/// station on that thread for as long as it takes. The guard hops once, when a connection opens or a command runs on
/// such a thread; on the thread pool it costs a property read.
/// </summary>
internal sealed class SocketThreadDbGuard : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public static readonly SocketThreadDbGuard Instance = new();

    private SocketThreadDbGuard()
    {
    }

    public async ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await SocketThread.LeaveAsync();
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await SocketThread.LeaveAsync();
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await SocketThread.LeaveAsync();
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await SocketThread.LeaveAsync();
        return result;
    }
}
