namespace ChargePortal.Web.Payments.Pages;

/// <summary>Where the simulated provider sends a driver whose test card asks for 3-D Secure.</summary>
public static class TestBank
{
    public const string Path = "/payments/test-bank";

    public static Uri PageFor(string providerPaymentId) =>
        new($"{Path}?payment_intent={Uri.EscapeDataString(providerPaymentId)}", UriKind.Relative);
}
