using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace ChargePortal.Web.Hosting;

/// <summary>Keeps blocking work off the socket event threads that inline I/O (<see cref="InlineSocketIo"/>) runs code on.</summary>
public static class SocketThread
{
    /// <summary>
    /// Continues on the thread pool when awaited on any other thread (a socket event thread), and at once, without a
    /// hop, when already there. Await it before work that may block: an OCPP frame's own handling stays inline.
    /// </summary>
    public static LeaveAwaitable LeaveAsync() => default;

    /// <summary>
    /// <paramref name="result"/> for a caller that goes on with the blocking work itself (an EF interceptor's caller
    /// runs the command): off the pool, the caller's continuation is what runs on the pool. An async method that
    /// awaited <see cref="LeaveAsync"/> and then returned could finish there before its caller looked, and the
    /// caller would carry on on the socket thread. Only the direct caller is moved: frames above it that have not
    /// awaited yet can still see it finished.
    /// </summary>
    public static ValueTask<T> LeaveWith<T>(T result) =>
        Thread.CurrentThread.IsThreadPoolThread ? ValueTask.FromResult(result) : new ValueTask<T>(new PoolHop<T>(result), 0);

    /// <summary>
    /// A plain awaitable rather than a <see cref="ValueTask"/>: a task that hops to the pool can finish there before
    /// its caller checks it, and the caller would then carry on, on the socket thread, as if it had left.
    /// </summary>
    public readonly struct LeaveAwaitable : ICriticalNotifyCompletion
    {
        public LeaveAwaitable GetAwaiter() => this;

        public bool IsCompleted => Thread.CurrentThread.IsThreadPoolThread;

        public void GetResult()
        {
        }

        public void OnCompleted(Action continuation) =>
            ThreadPool.QueueUserWorkItem(static run => run(), continuation, preferLocal: false);

        public void UnsafeOnCompleted(Action continuation) =>
            ThreadPool.UnsafeQueueUserWorkItem(static run => run(), continuation, preferLocal: false);
    }

    /// <summary>Pending until awaited, then runs the awaiter's continuation on the pool.</summary>
    private sealed class PoolHop<T>(T result) : IValueTaskSource<T>
    {
        private int _scheduled;

        public ValueTaskSourceStatus GetStatus(short token) =>
            Volatile.Read(ref _scheduled) == 0 ? ValueTaskSourceStatus.Pending : ValueTaskSourceStatus.Succeeded;

        public T GetResult(short token) => result;

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        {
            Volatile.Write(ref _scheduled, 1);
            if ((flags & ValueTaskSourceOnCompletedFlags.FlowExecutionContext) != 0)
            {
                ThreadPool.QueueUserWorkItem(continuation, state, preferLocal: false);
            }
            else
            {
                ThreadPool.UnsafeQueueUserWorkItem(continuation, state, preferLocal: false);
            }
        }
    }
}
