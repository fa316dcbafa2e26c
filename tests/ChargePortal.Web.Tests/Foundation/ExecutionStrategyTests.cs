using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Foundation;

/// <summary>
/// The OCPP writers open their own database transactions (TransactionEvent, StartTransaction, last-seen batches, the
/// local-list version). A retrying execution strategy refuses user-opened transactions with an exception, so no server
/// provider may be configured with one: on SQL Server every 2.0.1 TransactionEvent would otherwise fail.
/// </summary>
public sealed class ExecutionStrategyTests
{
    [Theory]
    [InlineData("SqlServer", "Server=127.0.0.1,1;Database=unused;User Id=sa;Password=not-used;TrustServerCertificate=true")]
    [InlineData("PostgreSql", "Host=127.0.0.1;Port=1;Database=unused;Username=unused;Password=not-used")]
    public async Task Server_providers_run_without_a_retrying_execution_strategy(string provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Default"] = connectionString,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddAppDatabase(configuration).BuildServiceProvider();

        // No connection is opened: the strategy is part of the context's configuration.
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.Database.ProviderName!.ShouldContain(provider == "SqlServer" ? "SqlServer" : "Npgsql");
        db.Database.CreateExecutionStrategy().RetriesOnFailure.ShouldBeFalse();
    }
}
