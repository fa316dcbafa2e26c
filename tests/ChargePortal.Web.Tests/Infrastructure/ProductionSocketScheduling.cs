using System.Runtime.CompilerServices;
using ChargePortal.Web.Hosting;

namespace ChargePortal.Web.Tests.Infrastructure;

/// <summary>
/// Runs the in-process host with socket completions inline, as it runs in production. The host turns them on at
/// start-up, but the runtime reads the setting when the process opens its first socket, and in a test process the
/// test platform's own pipe is first. A module initializer of the test executable runs before that. Not in the
/// PostgreSQL pass: a host on PostgreSQL keeps completions on the pool (see <see cref="InlineSocketIo"/>).
/// </summary>
internal static class ProductionSocketScheduling
{
    [ModuleInitializer]
    internal static void CompleteSocketsInline()
    {
        if (!TestDatabase.UsesPostgres)
        {
            Environment.SetEnvironmentVariable(InlineSocketIo.RuntimeVariable, "1");
        }
    }
}
