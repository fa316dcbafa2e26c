using ChargePortal.Web.Accounts;
using ChargePortal.Web.Payments.Cards;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Infrastructure;

internal static class TestUsers
{
    public static async Task<string> UserIdAsync(this ChargePortalFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>Test mode: saves the test Visa (4242 4242 4242 4242), whose holds succeed, or another test card number.</summary>
    public static async Task<SavedCard> SaveTestCardAsync(this ChargePortalFactory factory, string userId, CancellationToken ct, string number = "4242 4242 4242 4242")
    {
        var cards = factory.Services.GetRequiredService<PaymentCards>();
        var saved = await cards.AddTestCardAsync(userId, new CardEntry(number, $"12/{(DateTime.UtcNow.Year + 2) % 100:00}", "123"), ct);
        saved.Ok.ShouldBeTrue(saved.Message);
        return (await cards.GetAsync(userId, ct))!;
    }

    /// <summary>A new API key of the user with <paramref name="email"/> (role-specific API tests).</summary>
    public static async Task<string> ApiKeyForAsync(this ChargePortalFactory factory, string email)
    {
        var userId = await factory.UserIdAsync(email);
        return (await factory.Services.GetRequiredService<Accounts.ApiKeys.ApiKeyService>().CreateAsync(userId, "test key", CancellationToken.None)).Key;
    }

    /// <summary>Test mode: saves Stripe's 3-D Secure test card (4000 0025 0000 3155) as the user's card.</summary>
    public static async Task<SavedCard> SaveBankCheckedTestCardAsync(this ChargePortalFactory factory, string userId, CancellationToken ct)
    {
        var cards = factory.Services.GetRequiredService<PaymentCards>();
        var expiry = $"12/{(DateTime.UtcNow.Year + 2) % 100:00}";
        var saved = await cards.AddTestCardAsync(userId, new CardEntry("4000 0025 0000 3155", expiry, "123"), ct);
        saved.Ok.ShouldBeTrue(saved.Message);
        return (await cards.GetAsync(userId, ct))!;
    }
}
