namespace ChargePortal.Web.Hosting;

/// <summary>Keeps blocking work off the socket event threads that inline I/O (<see cref="InlineSocketIo"/>) runs code on.</summary>
public static class SocketThread
{
    /// <summary>
    /// Continues on the thread pool when called on any other thread (a socket event thread), and at once, without a
    /// hop, when already there. Call it before work that may block: an OCPP frame's own handling stays inline.
    /// </summary>
    public static async ValueTask LeaveAsync()
    {
        if (!Thread.CurrentThread.IsThreadPoolThread)
        {
            await Task.Yield();
        }
    }
}
