using System.Security.Claims;
using ChargePortal.Web.Accounts;

namespace ChargePortal.Web.Payments.Cards;

/// <summary>The payment-card page's addresses, and where Stripe Checkout sends the driver back to.</summary>
public static class CardLinks
{
    public const string PagePath = "/account/payment";
    public const string CheckoutReturnPath = "/account/payment/checkout-return";
    public const int MaxReturnPathLength = 300;

    /// <summary>The page, optionally with where to go back to once a card is saved (e.g. the station page).</summary>
    public static string Page(string? returnPath = null, string? checkout = null)
    {
        var query = new List<string>();
        if (checkout is not null)
        {
            query.Add("checkout=" + Uri.EscapeDataString(checkout));
        }

        if (LocalPath(returnPath) is { } back)
        {
            query.Add("return=" + Uri.EscapeDataString(back));
        }

        return query.Count == 0 ? PagePath : PagePath + "?" + string.Join('&', query);
    }

    /// <summary>A path inside the portal, or null (an absolute or protocol-relative URL would leave it: an open redirect).</summary>
    public static string? LocalPath(string? path) =>
        path is { Length: > 0 and <= MaxReturnPathLength } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
            && !path.Any(char.IsControl)
            ? path
            : null;

    public static Uri SuccessUrl(Uri baseUri, string? returnPath) =>
        new(baseUri, CheckoutReturnPath.TrimStart('/') + "?session_id={CHECKOUT_SESSION_ID}"
            + (LocalPath(returnPath) is { } back ? "&return=" + Uri.EscapeDataString(back) : ""));

    public static Uri CancelUrl(Uri baseUri, string? returnPath) => new(baseUri, Page(returnPath, "cancelled").TrimStart('/'));
}

internal static class CardCheckoutEndpoints
{
    public static IEndpointRouteBuilder MapCardCheckoutReturn(this IEndpointRouteBuilder app)
    {
        // Signed-in users only: the card is saved for the user whose cookie this is, and only if the
        // checkout is the one that user was sent to.
        app.MapGet(CardLinks.CheckoutReturnPath, ReturnAsync).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReturnAsync(HttpContext http, PaymentCards cards, CancellationToken ct)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var sessionId = http.Request.Query["session_id"].FirstOrDefault();
        var returnPath = http.Request.Query["return"].FirstOrDefault();
        var outcome = await cards.CompleteCheckoutAsync(userId, sessionId, ct);
        var code = outcome.Ok ? "saved" : outcome.Refusal.ToString().ToLowerInvariant();
        return Results.LocalRedirect(CardLinks.Page(returnPath, code));
    }
}
