using ChargePortal.Web.Hosting;
using ChargePortal.Web.Hosting.RateLimiting;
using ChargePortal.Web.Payments.Cards;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Payments;

public static class PaymentsSetup
{
    /// <summary>Stripe when Stripe:SecretKey is set; the simulated provider in Development or when Payments:Provider=Simulated.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StripeOptions>(StripeOptions.Section);
        services.AddValidatedOptions<PaymentOptions>(PaymentOptions.Section);
        services.AddSingleton<IValidateOptions<PaymentOptions>, PaymentProviderValidation>();
        services.AddSingleton<PaymentProviderSelection>();
        services.AddHostedService<PaymentProviderAnnouncement>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StripeOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PaymentOptions>>().Value);
        services.AddSingleton<StripeConnection>();
        services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<PaymentProviderSelection>().Kind switch
        {
            PaymentProviderKind.Simulated => new SimulatedPaymentProvider(),
            PaymentProviderKind.Stripe => ActivatorUtilities.CreateInstance<StripePaymentProvider>(sp),
            _ => throw new InvalidOperationException(PaymentProviderSelection.MissingProviderMessage),
        });
        services.AddSingleton<Telemetry.PaymentMetrics>();
        services.AddSingleton<PaymentService>();
        services.AddSingleton<HoldAuthentication>();
        services.AddSingleton<LateTokenHolds>();
        services.AddSingleton<RfidCardBilling>();
        services.AddSingleton<Tokens.ITokenPaymentRequirement>(sp => sp.GetRequiredService<RfidCardBilling>());
        services.AddSingleton<UnansweredHolds>();
        services.AddSingleton<StripeCardSetup>();
        services.AddSingleton<PaymentCards>();
        services.AddSingleton<StripeWebhookHandler>();
        services.AddSingleton<UnusedHoldReleaser>();
        services.AddHostedService<UnusedHoldReleaserHost>();
        return services;
    }

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder app)
    {
        app.MapPost("/stripe/webhook", StripeWebhookEndpoint.HandleAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.StripeWebhook);
        app.MapCardCheckoutReturn();
        return app;
    }
}
