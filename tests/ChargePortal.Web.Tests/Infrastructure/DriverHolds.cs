using ChargePortal.Web.Accounts;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Infrastructure;

/// <summary>Card holds of the demo driver (test Visa saved), placed through the host's own services.</summary>
public static class DriverHolds
{
    /// <summary>A hold at <paramref name="stationId"/> with its own idTag (unless given), whose remote start the station accepted.</summary>
    public static async Task<(Payment Hold, string UserId)> AcceptedAsync(IServiceProvider services, string stationId, string? idTag, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var driver = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("driver@chargeportal.local");
        var card = await services.GetRequiredService<PaymentCards>().GetAsync(driver!.Id, ct);
        var payments = services.GetRequiredService<PaymentService>();
        var hold = await payments.PlaceHoldAsync(driver.Id, card!, stationId, 1, idTag ?? "APP-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), "EUR", ct);
        hold.Status.ShouldBe(PaymentStatus.Authorized);
        await payments.MarkStartAcceptedAsync(hold.Id, ct);
        return (hold, driver.Id);
    }
}
