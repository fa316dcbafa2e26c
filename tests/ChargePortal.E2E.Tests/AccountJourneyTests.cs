using System.Net;
using System.Text.RegularExpressions;
using ChargePortal.E2E.Tests.Infrastructure;

namespace ChargePortal.E2E.Tests;

public sealed partial class AccountJourneyTests(AppHostFixture app, BrowserFixture browser) : E2ETest(app, browser)
{
    [Fact]
    public async Task Wrong_password_is_refused_and_stays_on_the_login_page()
    {
        var session = await OpenSessionAsync(Viewports.Desktop());
        var page = session.Page;

        await page.GotoAsync("/Account/Login");
        await page.Locator(@"#Input\.Email").FillAsync(AdminEmail);
        await page.Locator(@"#Input\.Password").FillAsync(RepositoryRoot.DemoPassword + "-wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await Expect(page.GetByText("Invalid email or password.")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(BrowserSession.LoginUrl());
        await Expect(page.Locator("[data-testid=user-menu]")).ToHaveCountAsync(0);
        await session.FinishAsync("login-wrong-password");
    }

    [Fact]
    public async Task New_driver_registers_confirms_the_email_and_signs_in()
    {
        var email = $"e2e-{Guid.NewGuid():N}@example.test";
        const string Password = "E2e-Driver-Passw0rd";
        var session = await OpenSessionAsync(Viewports.Phone());
        var page = session.Page;

        await RegisterAsync(page, email, Password);
        await Expect(page.Locator("[data-testid=register-confirmation]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=register-confirmation]")).ToContainTextAsync(email);
        await session.SaveScreenshotAsync("register-check-your-email");

        // Unconfirmed accounts cannot sign in yet.
        await page.GotoAsync("/Account/Login");
        await page.Locator(@"#Input\.Email").FillAsync(email);
        await page.Locator(@"#Input\.Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.Locator("[data-testid=form-message]")).ToContainTextAsync("confirm your email");

        var link = await ConfirmationLinkFromMailAsync(email);
        new Uri(link).Authority.ShouldBe(App.BaseUrl.Authority, "the confirmation link should point at the app");
        await page.GotoAsync(link);
        await Expect(page.GetByText("your email address is confirmed")).ToBeVisibleAsync();

        await session.SignInAsync(email, Password);
        await Expect(page).ToHaveURLAsync(new Regex("/find$"));
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=station-card]").First).ToBeVisibleAsync();
        await session.FinishAsync("register-confirmed-signed-in");

        // The same address cannot register twice.
        var second = await OpenSessionAsync(Viewports.Phone());
        await RegisterAsync(second.Page, email, Password);
        await Expect(second.Page.Locator("[data-testid=form-message]")).ToContainTextAsync("already exists");
        await Expect(second.Page.Locator("[data-testid=register-confirmation]")).ToHaveCountAsync(0);
        await second.FinishAsync("register-duplicate-email");
    }

    private static async Task RegisterAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Register");
        await page.Locator(@"#Input\.DisplayName").FillAsync("E2E Driver");
        await page.Locator(@"#Input\.Email").FillAsync(email);
        await page.Locator(@"#Input\.Password").FillAsync(password);
        await page.Locator(@"#Input\.ConfirmPassword").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
    }

    /// <summary>The .eml the app wrote to the pickup folder for this address; polls briefly (the write is async).</summary>
    private async Task<string> ConfirmationLinkFromMailAsync(string email)
    {
        var ct = TestContext.Current.CancellationToken;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(BrowserFixture.TimeoutMs));
        while (true)
        {
            foreach (var file in Directory.EnumerateFiles(App.MailPickupDirectory, "*.eml"))
            {
                var content = await File.ReadAllTextAsync(file, ct);
                if (content.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase))
                {
                    var match = HrefRegex().Match(content);
                    match.Success.ShouldBeTrue($"the confirmation mail {file} should contain a link");
                    return WebUtility.HtmlDecode(match.Groups["href"].Value);
                }
            }

            try
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new ShouldAssertException($"No .eml for {email} appeared in {App.MailPickupDirectory}.");
            }
        }
    }

    [GeneratedRegex("href=\"(?<href>[^\"]+)\"")]
    private static partial Regex HrefRegex();
}
