using ChargePortal.Web.Hosting;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Tests.Foundation;

/// <summary>The host over real Kestrel sockets: I/O inline by default, the application (requests, hubs) on the thread pool.</summary>
public sealed class InlineSocketIoHostTests(InlineSocketIoHostTests.ProbedHost host) : IClassFixture<InlineSocketIoHostTests.ProbedHost>
{
    private const string ProbePath = "/test/thread-probe";
    private const string ProbeHubPath = "/test/thread-probe-hub";

    [Fact]
    public void Kestrel_schedules_socket_io_inline_by_default()
    {
        Assert.SkipWhen(TestDatabase.UsesPostgres, "Inline socket I/O is for the embedded database only (see the test below).");
        _ = host.BaseUri;
        host.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling.ShouldBeTrue();
        Environment.GetEnvironmentVariable(InlineSocketIo.RuntimeVariable).ShouldNotBeNull();
    }

    [Fact]
    public async Task Requests_arrive_on_a_socket_thread_and_run_the_application_on_the_thread_pool()
    {
        Assert.SkipWhen(TestDatabase.UsesPostgres, "Inline socket I/O is for the embedded database only (see the test below).");
        using var client = new HttpClient { BaseAddress = host.BaseUri };
        var answers = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await client.GetStringAsync(ProbePath, TestContext.Current.CancellationToken));
        }

        // A connection's first request is read on the pool, where Kestrel starts the connection; later ones on the
        // same connection arrive on the socket's event thread.
        answers.ShouldContain("arrived on .NET Sockets, handled on pool");
        answers.ShouldAllBe(a => a.EndsWith("handled on pool", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hub_methods_run_on_the_thread_pool_not_on_the_socket_thread()
    {
        Assert.SkipWhen(TestDatabase.UsesPostgres, "Inline socket I/O is for the embedded database only (see the test below).");
        // The portal's Blazor circuits and the live hub are SignalR hubs: their work (rendering, queries) must not
        // hold up the stations that share a socket thread. SignalR hands frames to hubs through pipes scheduled on the pool.
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseUri, ProbeHubPath.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        await connection.StartAsync(TestContext.Current.CancellationToken);
        var answers = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await connection.InvokeAsync<string>(nameof(ThreadProbeHub.HandledOn), TestContext.Current.CancellationToken));
        }

        answers.ShouldAllBe(a => a == "pool");
    }

    [Fact]
    public void With_a_database_reached_over_a_socket_io_completes_on_the_thread_pool()
    {
        // Process-wide inline completions would run every database read's continuation on a socket event thread.
        Assert.SkipUnless(TestDatabase.UsesPostgres, "The PostgreSQL pass checks this.");
        _ = host.BaseUri;
        host.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling.ShouldBeFalse();
    }

    [Fact]
    public void The_setting_turns_inline_io_off()
    {
        using var off = new SettingOffHost();
        _ = off.BaseUri;
        off.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling.ShouldBeFalse();
    }

    /// <summary>
    /// Notes the thread a <see cref="ProbePath"/> request arrives on (ahead of the application's pipeline) and answers it
    /// behind the whole pipeline with both threads.
    /// </summary>
    public sealed class ProbedHost : KestrelChargePortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ThreadProbe>());
        }
    }

    private sealed class SettingOffHost : KestrelChargePortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [InlineSocketIo.SettingKey] = "false" };
    }

    private sealed class ThreadProbe : IStartupFilter
    {
        private const string ArrivedOn = "probe.arrived-on";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Items[ArrivedOn] = Describe(Thread.CurrentThread);
                return nextMiddleware(context);
            });
            next(app);
            app.UseRouting();
            app.UseEndpoints(endpoints => endpoints.MapHub<ThreadProbeHub>(ProbeHubPath).AllowAnonymous());
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != ProbePath)
                {
                    await nextMiddleware(context);
                    return;
                }

                await context.Response.WriteAsync($"arrived on {context.Items[ArrivedOn]}, handled on {Describe(Thread.CurrentThread)}");
            });
        };

    }

    private static string Describe(Thread thread) => thread.IsThreadPoolThread ? "pool" : thread.Name ?? "an unnamed thread";

    /// <summary>Answers with the kind of thread its method runs on.</summary>
    public sealed class ThreadProbeHub : Hub
    {
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "SignalR invokes hub methods on an instance.")]
        public string HandledOn() => Describe(Thread.CurrentThread);
    }
}
