using System.Text;
using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.Foundation;

[CollectionDefinition(nameof(StalledConsoleTests), DisableParallelization = true)]
public sealed class StalledConsoleCollection;

/// <summary>
/// Station frames are handled by code that logs (a malformed frame is a warning). When
/// whoever reads the host's stdout stops reading, console writes block; the stations must not. Runs alone: the console
/// is the process's.
/// </summary>
[Collection(nameof(StalledConsoleTests))]
public sealed class StalledConsoleTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    [Fact]
    public async Task A_station_is_answered_while_the_console_does_not_take_its_log_lines()
    {
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "STALLED-CONSOLE", ["ocpp1.6"]);
        (await cp.CallOkAsync("Heartbeat", new JsonObject())).ContainsKey("currentTime").ShouldBeTrue();

        var original = Console.Out;
        using var stalled = new StalledWriter();
        Console.SetOut(stalled);
        try
        {
            await cp.SendTextAsync("this is { not json"); // logged as a warning on the socket's thread
            var heartbeat = cp.CallOkAsync("Heartbeat", new JsonObject());
            var first = await Task.WhenAny(heartbeat, Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
            first.ShouldBe(heartbeat, "the station waited for the console");
            (await heartbeat).ContainsKey("currentTime").ShouldBeTrue();

            // The test means something only if the warning did go to the console (and stalled there).
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (stalled.Attempts == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            stalled.Attempts.ShouldBeGreaterThan(0);
        }
        finally
        {
            stalled.Release();
            Console.SetOut(original);
        }
    }

    /// <summary>A console nobody reads: every write waits until released (at most 30 s, so a failing test cannot hang).</summary>
    private sealed class StalledWriter : TextWriter
    {
        private readonly ManualResetEventSlim _released = new();
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public override Encoding Encoding => Encoding.UTF8;

        public void Release() => _released.Set();

        public override void Write(char value) => Stall();

        public override void Write(string? value) => Stall();

        public override void Write(char[] buffer, int index, int count) => Stall();

        public override void WriteLine(string? value) => Stall();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _released.Set();
                _released.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Stall()
        {
            Interlocked.Increment(ref _attempts);
            _released.Wait(TimeSpan.FromSeconds(30));
        }
    }
}
