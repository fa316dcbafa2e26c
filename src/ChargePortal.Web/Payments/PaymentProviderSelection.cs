using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Payments;

/// <summary>
/// Which payment provider runs (DESIGN.md "Payments"): <c>Payments:Provider</c> when set; otherwise Stripe when
/// <c>Stripe:SecretKey</c> is set, and the simulated provider only in Development. Outside Development a host with
/// neither refuses to start (validated on start), so "test mode — no real charge" never goes live by omission.
/// </summary>
public sealed class PaymentProviderSelection(IOptions<PaymentOptions> payments, IOptions<StripeOptions> stripe, IHostEnvironment environment)
{
    public const string ProviderSetting = PaymentOptions.Section + ":" + nameof(PaymentOptions.Provider);

    public static readonly string MissingProviderMessage =
        $"No payment provider is configured: set Stripe:SecretKey (and Stripe:WebhookSecret) to take payments with Stripe, or set "
        + $"{ProviderSetting}=Simulated to run the simulated provider (test mode, no real charge) outside Development.";

    /// <summary>The provider to run, or null when this host may not start (see <see cref="MissingProviderMessage"/>).</summary>
    public PaymentProviderKind? Kind => payments.Value.Provider switch
    {
        PaymentProviderKind.Simulated => PaymentProviderKind.Simulated,
        PaymentProviderKind.Stripe => HasStripeKey ? PaymentProviderKind.Stripe : null,
        _ when HasStripeKey => PaymentProviderKind.Stripe,
        _ => environment.IsDevelopment() ? PaymentProviderKind.Simulated : null,
    };

    /// <summary>True when the simulated provider runs where real money is expected: worth a warning at every start.</summary>
    public bool SimulatedOutsideDevelopment => Kind == PaymentProviderKind.Simulated && !environment.IsDevelopment();

    private bool HasStripeKey => !string.IsNullOrWhiteSpace(stripe.Value.SecretKey);
}

/// <summary>Refuses to start a host without a provider it may run (ValidateOnStart).</summary>
internal sealed class PaymentProviderValidation(IOptions<StripeOptions> stripe, IHostEnvironment environment) : IValidateOptions<PaymentOptions>
{
    public ValidateOptionsResult Validate(string? name, PaymentOptions options)
    {
        var selection = new PaymentProviderSelection(Options.Create(options), stripe, environment);
        if (selection.Kind is not null)
        {
            return ValidateOptionsResult.Success;
        }

        return options.Provider == PaymentProviderKind.Stripe
            ? ValidateOptionsResult.Fail($"{PaymentProviderSelection.ProviderSetting}=Stripe needs Stripe:SecretKey.")
            : ValidateOptionsResult.Fail(PaymentProviderSelection.MissingProviderMessage);
    }
}

/// <summary>Says at start which provider runs, and warns when the simulated one runs outside Development.</summary>
internal sealed class PaymentProviderAnnouncement(PaymentProviderSelection selection, IHostEnvironment environment, ILogger<PaymentProviderAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (selection.SimulatedOutsideDevelopment)
        {
            logger.LogWarning(
                "Payments use the SIMULATED provider in the {Environment} environment ({Setting}=Simulated): no real money moves, the test card form and the test bank page are live",
                environment.EnvironmentName, PaymentProviderSelection.ProviderSetting);
        }
        else
        {
            logger.LogInformation("Payments use the {Provider} provider", selection.Kind);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
