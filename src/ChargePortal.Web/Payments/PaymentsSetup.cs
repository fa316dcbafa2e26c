using ChargePortal.Web.Hosting;
using ChargePortal.Web.Payments.Cards;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Payments;

public static class PaymentsSetup
{
    /// <summary>Stripe when Stripe:SecretKey is set, otherwise the simulated provider (the embedded default).</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StripeOptions>(configuration.GetSection(StripeOptions.Section));
        services.Configure<PaymentOptions>(configuration.GetSection(PaymentOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StripeOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PaymentOptions>>().Value);
        services.AddSingleton<StripeConnection>();
        services.AddSingleton<IPaymentProvider>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<StripeOptions>().SecretKey)
            ? new SimulatedPaymentProvider()
            : ActivatorUtilities.CreateInstance<StripePaymentProvider>(sp));
        services.AddSingleton<PaymentService>();
        services.AddSingleton<HoldAuthentication>();
        services.AddSingleton<LateTokenHolds>();
        services.AddSingleton<UnansweredHolds>();
        services.AddSingleton<StripeCardSetup>();
        services.AddSingleton<PaymentCards>();
        services.AddSingleton<StripeWebhookHandler>();
        services.TryAddSingleton<IClusterSingletonGate, SingleNodeGate>();
        services.AddSingleton<UnusedHoldReleaser>();
        services.AddHostedService<UnusedHoldReleaserHost>();
        return services;
    }

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder app)
    {
        app.MapPost("/stripe/webhook", StripeWebhookEndpoint.HandleAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapCardCheckoutReturn();
        return app;
    }
}
