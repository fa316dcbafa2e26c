using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Web.Tests.Payments;

/// <summary>
/// A local HTTP stand-in of the few Stripe endpoints ChargePortal calls: create (confirm, manual capture),
/// capture, cancel, refund. Modes make the next card decline or captures fail. Requests are recorded.
/// </summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _intents = new();
    private int _next;

    public bool DeclineCards { get; set; }

    public bool FailCaptures { get; set; }

    public ConcurrentQueue<(string Method, string Path, IReadOnlyDictionary<string, string> Form)> Requests { get; } = new();

    public Uri BaseUri { get; }

    private StripeStandIn(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public JsonObject Intent(string id) => _intents[id];

    public static async Task<StripeStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        StripeStandIn? self = null;
        // A RequestDelegate that runs the result itself (a lambda returning Task<IResult> would bind as a
        // RequestDelegate and its result would be dropped).
        app.Map("/v1/{**path}", async http => await (await self!.HandleAsync(http)).ExecuteAsync(http));
        await app.StartAsync();
        var address = app.Urls.First();
        self = new StripeStandIn(app, new Uri(address));
        return self;
    }

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        var form = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync()).ToDictionary(kv => kv.Key, kv => kv.Value.ToString())
            : [];
        var path = http.Request.Path.Value!;
        Requests.Enqueue((http.Request.Method, path, form));
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer sk_", StringComparison.Ordinal))
        {
            return Error(401, "invalid_request_error", null, "Invalid API Key provided.");
        }

        var segments = path.Trim('/').Split('/');
        switch (segments)
        {
            case ["v1", "payment_intents"] when http.Request.Method == "POST":
                return Create(form);
            case ["v1", "payment_intents", var id, "capture"]:
                return Capture(id, form);
            case ["v1", "payment_intents", var id, "cancel"]:
                return Transition(id, "requires_capture", "canceled");
            case ["v1", "refunds"]:
                return Refund(form);
            default:
                return Error(404, "invalid_request_error", null, $"Unrecognized request URL ({path}).");
        }
    }

    private IResult Create(Dictionary<string, string> form)
    {
        var id = $"pi_standin_{Interlocked.Increment(ref _next)}";
        var amount = long.Parse(form["amount"], System.Globalization.CultureInfo.InvariantCulture);
        if (form.GetValueOrDefault("capture_method") != "manual" || form.GetValueOrDefault("confirm") != "true")
        {
            return Error(400, "invalid_request_error", null, "The stand-in only supports confirmed manual-capture intents.");
        }

        var intent = new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = amount,
            ["amount_capturable"] = amount,
            ["amount_received"] = 0,
            ["currency"] = form["currency"],
            ["capture_method"] = "manual",
            ["payment_method"] = form.GetValueOrDefault("payment_method"),
            ["status"] = "requires_capture",
        };
        if (DeclineCards)
        {
            intent["status"] = "requires_payment_method";
            _intents[id] = intent;
            return Error(402, "card_error", "card_declined", "Your card was declined.", id, "generic_decline");
        }

        _intents[id] = intent;
        return Results.Json(intent);
    }

    private IResult Capture(string id, Dictionary<string, string> form)
    {
        if (!_intents.TryGetValue(id, out var intent))
        {
            return Error(404, "invalid_request_error", "resource_missing", $"No such payment_intent: '{id}'");
        }

        if (FailCaptures)
        {
            return Error(400, "invalid_request_error", "payment_intent_unexpected_state", "This PaymentIntent could not be captured.", id);
        }

        var toCapture = form.TryGetValue("amount_to_capture", out var a) ? long.Parse(a, System.Globalization.CultureInfo.InvariantCulture) : (long)intent["amount"]!;
        if ((string)intent["status"]! != "requires_capture" || toCapture > (long)intent["amount_capturable"]!)
        {
            return Error(400, "invalid_request_error", "payment_intent_unexpected_state", "This PaymentIntent could not be captured.", id);
        }

        intent["status"] = "succeeded";
        intent["amount_received"] = toCapture;
        intent["amount_capturable"] = 0;
        return Results.Json(intent);
    }

    private IResult Transition(string id, string from, string to)
    {
        if (!_intents.TryGetValue(id, out var intent))
        {
            return Error(404, "invalid_request_error", "resource_missing", $"No such payment_intent: '{id}'");
        }

        if ((string)intent["status"]! != from)
        {
            return Error(400, "invalid_request_error", "payment_intent_unexpected_state", $"Cannot go from {intent["status"]} to {to}.", id);
        }

        intent["status"] = to;
        return Results.Json(intent);
    }

    private IResult Refund(Dictionary<string, string> form)
    {
        var id = form.GetValueOrDefault("payment_intent") ?? "";
        if (!_intents.TryGetValue(id, out var intent) || (string)intent["status"]! != "succeeded")
        {
            return Error(400, "invalid_request_error", "charge_not_refundable", "This payment cannot be refunded.");
        }

        var amount = long.Parse(form["amount"], System.Globalization.CultureInfo.InvariantCulture);
        var refunded = (long?)intent["amount_refunded"] ?? 0;
        if (refunded + amount > (long)intent["amount_received"]!)
        {
            return Error(400, "invalid_request_error", "amount_too_large", "Refund amount is greater than the unrefunded amount.");
        }

        intent["amount_refunded"] = refunded + amount;
        return Results.Json(new JsonObject { ["id"] = $"re_standin_{Interlocked.Increment(ref _next)}", ["object"] = "refund", ["amount"] = amount, ["payment_intent"] = id, ["status"] = "succeeded" });
    }

    private static IResult Error(int status, string type, string? code, string message, string? intentId = null, string? declineCode = null)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (code is not null)
        {
            error["code"] = code;
        }

        if (declineCode is not null)
        {
            error["decline_code"] = declineCode;
        }

        if (intentId is not null)
        {
            error["payment_intent"] = new JsonObject { ["id"] = intentId, ["object"] = "payment_intent" };
        }

        return Results.Json(new JsonObject { ["error"] = error }, statusCode: status);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
