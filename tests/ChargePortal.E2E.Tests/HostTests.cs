using ChargePortal.E2E.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChargePortal.E2E.Tests;

/// <summary>The journeys only mean something if the host is the one the fixture promises.</summary>
public sealed class HostTests(AppHostFixture app)
{
    [Fact]
    public void App_runs_in_Development_from_the_repository_root_on_a_private_database()
    {
        var environment = app.Services.GetRequiredService<IWebHostEnvironment>();

        environment.EnvironmentName.ShouldBe(Environments.Development);
        Path.GetFullPath(environment.ContentRootPath).TrimEnd('/').ShouldBe(RepositoryRoot.Path.TrimEnd('/'));
        File.Exists(app.DatabaseFile).ShouldBeTrue("the run's SQLite file should be the temp one");
        app.BaseUrl.Host.ShouldBe("127.0.0.1");
    }
}
