using System.Net;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.Management;

public sealed class ManagementPageAuthorizationTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/operator/sessions")]
    [InlineData("/operator/sessions/1")]
    [InlineData("/dashboard/sessions")]
    [InlineData("/dashboard/sessions/1")]
    [InlineData("/operator/tokens")]
    [InlineData("/operator/roaming")]
    [InlineData("/operator/sites")]
    [InlineData("/operator/alerts")]
    [InlineData("/operator/audit")]
    [InlineData("/admin/users")]
    [InlineData("/dashboard")]
    [InlineData("/portal/sessions.csv")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(path));
    }

    [Theory]
    [InlineData(DemoSeeder.DriverEmail, "/operator/sessions", false)]
    [InlineData(DemoSeeder.OwnerEmail, "/operator/sessions", false)]
    [InlineData(DemoSeeder.OperatorEmail, "/operator/sessions", true)]
    [InlineData(DemoSeeder.OwnerEmail, "/operator/sessions/1", false)]
    [InlineData(DemoSeeder.OperatorEmail, "/operator/sessions/1", true)]
    [InlineData(DemoSeeder.DriverEmail, "/dashboard/sessions", false)]
    [InlineData(DemoSeeder.OwnerEmail, "/dashboard/sessions", true)]
    [InlineData(DemoSeeder.OwnerEmail, "/dashboard/sessions/1", true)]
    [InlineData(DemoSeeder.DriverEmail, "/operator/tokens", false)]
    [InlineData(DemoSeeder.OwnerEmail, "/operator/roaming", false)]
    [InlineData(DemoSeeder.OperatorEmail, "/operator/roaming", true)]
    [InlineData(DemoSeeder.OwnerEmail, "/operator/tokens", false)]
    [InlineData(DemoSeeder.OperatorEmail, "/operator/tokens", true)]
    [InlineData(DemoSeeder.OwnerEmail, "/operator/sites", false)]
    [InlineData(DemoSeeder.OperatorEmail, "/operator/sites", true)]
    [InlineData(DemoSeeder.OwnerEmail, "/operator/alerts", false)]
    [InlineData(DemoSeeder.OperatorEmail, "/operator/alerts", true)]
    [InlineData(DemoSeeder.AdminEmail, "/operator/alerts", true)]
    [InlineData(DemoSeeder.OwnerEmail, "/operator/audit", false)]
    [InlineData(DemoSeeder.OperatorEmail, "/operator/audit", true)]
    [InlineData(DemoSeeder.OperatorEmail, "/admin/users", false)]
    [InlineData(DemoSeeder.OwnerEmail, "/admin/users", false)]
    [InlineData(DemoSeeder.AdminEmail, "/admin/users", true)]
    [InlineData(DemoSeeder.OwnerEmail, "/dashboard", true)]
    [InlineData(DemoSeeder.DriverEmail, "/portal/sessions.csv", false)]
    [InlineData(DemoSeeder.OwnerEmail, "/portal/sessions.csv", true)]
    public async Task Management_pages_enforce_roles(string email, string path, bool allowed)
    {
        var client = factory.CreateBrowserLikeClient();
        (await client.SignInAsync(email, ChargePortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.GetAsync(path, Ct);
        if (allowed)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        }
    }

    [Fact]
    public async Task Operators_see_the_alert_badge_and_management_links_but_site_owners_do_not()
    {
        var op = factory.CreateBrowserLikeClient();
        await op.SignInAsync(DemoSeeder.OperatorEmail, ChargePortalFactory.DemoPassword);
        var operatorPage = await op.GetStringAsync("/dashboard", Ct);
        operatorPage.ShouldContain("data-testid=\"alert-badge\"");
        operatorPage.ShouldContain("href=\"/operator/alerts\"");
        operatorPage.ShouldNotContain("href=\"/admin/users\"");

        var owner = factory.CreateBrowserLikeClient();
        await owner.SignInAsync(DemoSeeder.OwnerEmail, ChargePortalFactory.DemoPassword);
        var ownerPage = await owner.GetStringAsync("/dashboard", Ct);
        ownerPage.ShouldNotContain("data-testid=\"alert-badge\"");
        ownerPage.ShouldContain("href=\"/dashboard/sessions\"");

        var admin = factory.CreateBrowserLikeClient();
        await admin.SignInAsync(DemoSeeder.AdminEmail, ChargePortalFactory.DemoPassword);
        (await admin.GetStringAsync("/dashboard", Ct)).ShouldContain("href=\"/admin/users\"");
    }
}
