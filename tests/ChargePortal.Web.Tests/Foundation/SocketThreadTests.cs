using System.Data.Common;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChargePortal.Web.Tests.Foundation;

/// <summary>
/// With inline socket I/O, code runs on the sockets' own event threads (not pool threads). Work that may block must
/// leave them first; these tests start work on a dedicated thread, as a socket event thread would.
/// </summary>
public sealed class SocketThreadTests
{
    [Fact]
    public async Task Leaving_a_dedicated_thread_continues_on_the_thread_pool()
    {
        var (before, after) = await OnDedicatedThreadAsync(async () =>
        {
            var start = Thread.CurrentThread.IsThreadPoolThread;
            await SocketThread.LeaveAsync();
            return (start, Thread.CurrentThread.IsThreadPoolThread);
        });

        before.ShouldBeFalse();
        after.ShouldBeTrue();
    }

    [Fact]
    public async Task Off_the_pool_leaving_is_never_already_done_so_the_caller_cannot_stay_behind()
    {
        // A hop that completed before its caller looked would let the caller continue on the socket thread. With a
        // ValueTask, this loop failed within a few hundred iterations.
        var completedOnArrival = await OnDedicatedThreadAsync(() => Task.FromResult(SocketThread.LeaveAsync().GetAwaiter().IsCompleted));
        completedOnArrival.ShouldBeFalse();

        for (var i = 0; i < 200; i++)
        {
            var onPool = await OnDedicatedThreadAsync(async () =>
            {
                await SocketThread.LeaveAsync();
                return Thread.CurrentThread.IsThreadPoolThread;
            });
            onPool.ShouldBeTrue($"iteration {i}");
        }
    }

    [Fact]
    public async Task A_result_handed_over_off_the_pool_reaches_its_awaiter_on_the_pool_every_time()
    {
        // What the database guard's interceptors return: their caller, not an async wrapper in between, must resume on
        // the pool. Returning from an async method that awaited LeaveAsync failed this within a few hundred tries.
        for (var i = 0; i < 200; i++)
        {
            var (value, onPool) = await OnDedicatedThreadAsync(async () =>
            {
                var value = await SocketThread.LeaveWith(i);
                return (value, Thread.CurrentThread.IsThreadPoolThread);
            });
            value.ShouldBe(i);
            onPool.ShouldBeTrue($"iteration {i}");
        }

        // On the pool there is nothing to leave: the result is there at once.
        var atOnce = await Task.Run(() => ResultIfDone(SocketThread.LeaveWith(7)), TestContext.Current.CancellationToken);
        atOnce.ShouldBe(7);

        static int ResultIfDone(ValueTask<int> hop) => hop.IsCompletedSuccessfully ? hop.Result : -1;
    }

    [Fact]
    public async Task On_the_thread_pool_leaving_costs_no_hop()
    {
        var (completedAtOnce, sameThread) = await Task.Run(() =>
        {
            var thread = Environment.CurrentManagedThreadId;
            var leaving = SocketThread.LeaveAsync().GetAwaiter();
            return (leaving.IsCompleted, Environment.CurrentManagedThreadId == thread);
        }, TestContext.Current.CancellationToken);

        completedAtOnce.ShouldBeTrue();
        sameThread.ShouldBeTrue();
    }

    [Fact]
    public async Task Database_work_started_on_a_socket_thread_runs_on_the_thread_pool()
    {
        var guarded = new ThreadRecorder();
        await OnDedicatedThreadAsync(() => QueryAsync(guarded, SocketThreadDbGuard.Instance));

        guarded.Opened.ShouldBe([true]);
        guarded.Commands.ShouldNotBeEmpty();
        guarded.Commands.ShouldAllBe(onPool => onPool);
    }

    [Fact]
    public async Task Without_the_guard_SQLite_would_do_its_io_on_the_socket_thread()
    {
        // The control for the test above: Microsoft.Data.Sqlite's async methods complete synchronously, so nothing
        // else would move the work off the calling thread.
        var unguarded = new ThreadRecorder();
        await OnDedicatedThreadAsync(() => QueryAsync(unguarded));

        unguarded.Opened.ShouldBe([false]);
        unguarded.Commands.ShouldAllBe(onPool => !onPool);
    }

    [Fact]
    public async Task A_command_on_an_open_connection_that_came_back_to_a_socket_thread_leaves_it()
    {
        var recorder = new ThreadRecorder();
        await using var db = Context(recorder, SocketThreadDbGuard.Instance);
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        // An open connection, then work resuming on a socket thread (e.g. after an HTTP call completed there).
        await OnDedicatedThreadAsync(async () =>
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", TestContext.Current.CancellationToken);
            return 0;
        });

        recorder.Commands.ShouldBe([true]);
    }

    private static async Task<int> QueryAsync(ThreadRecorder recorder, params IInterceptor[] first)
    {
        await using var db = Context(recorder, first);

        // Held open: an in-memory database lives as long as its connection.
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE Probe (Id INTEGER)", TestContext.Current.CancellationToken);
        return await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM Probe").SingleAsync(TestContext.Current.CancellationToken);
    }

    private static DbContext Context(ThreadRecorder recorder, params IInterceptor[] first) =>
        new(new DbContextOptionsBuilder().UseSqlite("Data Source=:memory:").AddInterceptors(first.Append<IInterceptor>(recorder)).Options);

    /// <summary>Runs <paramref name="work"/> from a thread outside the pool, the way a socket event thread runs code.</summary>
    private static Task<T> OnDedicatedThreadAsync<T>(Func<Task<T>> work)
    {
        var started = new TaskCompletionSource<Task<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => started.SetResult(work())) { IsBackground = true, Name = "socket-like" };
        thread.Start();
        return started.Task.Unwrap();
    }

    /// <summary>Where EF opened the connection and ran each command: true for a thread-pool thread.</summary>
    private sealed class ThreadRecorder : DbConnectionInterceptor, IDbCommandInterceptor
    {
        public List<bool> Opened { get; } = [];

        public List<bool> Commands { get; } = [];

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Opened.Add(Thread.CurrentThread.IsThreadPoolThread);
            return Task.CompletedTask;
        }

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(Thread.CurrentThread.IsThreadPoolThread);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(Thread.CurrentThread.IsThreadPoolThread);
            return ValueTask.FromResult(result);
        }
    }
}
