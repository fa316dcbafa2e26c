using System.Collections.Concurrent;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ChargePortal.Web.Tests.Security;

/// <summary>
/// The host in the Production environment (no appsettings.Development.json, no demo seed), with the simulated
/// payment provider enabled explicitly and a public address, unless a test class says otherwise. Every log event
/// the app writes is captured (Serilog takes sinks from DI).
/// </summary>
public class ProductionChargePortalFactory : ChargePortalFactory
{
    public const string PublicBaseUrl = "https://charge.example.com/";

    public LogCapture Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:Provider"] = "Simulated",
        ["Hosting:PublicBaseUrl"] = PublicBaseUrl,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }

    public async Task CreateUserAsync(string email, string password, params string[] roles)
    {
        _ = Server;
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, role);
        }
    }
}

/// <summary>Every event as text: the rendered message and each property's value, as a sink would write them.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string Text => string.Join('\n', _lines);

    public void Emit(LogEvent logEvent) =>
        _lines.Enqueue(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " | "
            + string.Join(" | ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}")));
}
