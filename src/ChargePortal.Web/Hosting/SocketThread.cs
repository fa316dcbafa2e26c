using System.Runtime.CompilerServices;

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
}
