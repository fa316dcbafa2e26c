using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Web.Tests.Payments;

/// <summary>How a card saved through the stand-in's Checkout behaves when a hold is placed on it.</summary>
public enum StandInCard
{
    /// <summary>4242: holds succeed.</summary>
    Visa,

    /// <summary>Saves, but every charge is declined (Stripe's 4000 0000 0000 0341).</summary>
    DeclinesCharges,

    /// <summary>Saves, but each payment asks for 3-D Secure (Stripe's 4000 0025 0000 3155).</summary>
    RequiresAuthentication,
}

/// <summary>
/// A local HTTP stand-in of the Stripe endpoints ChargePortal calls: customers, Checkout Sessions in setup mode
/// (create, retrieve with expand), payment methods (detach), payment intents (create with confirm and manual
/// capture, retrieve, capture, cancel) and refunds. <see cref="CompleteCheckout"/> plays the driver on Stripe's hosted
/// page, <see cref="AnswerAuthentication"/> on the bank's 3-D Secure page.
/// Modes make the next card decline, captures fail or the whole API unavailable. Requests are recorded.
/// </summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _intents = new();
    private readonly ConcurrentDictionary<string, JsonObject> _customers = new();
    private readonly ConcurrentDictionary<string, JsonObject> _sessions = new();
    private readonly ConcurrentDictionary<string, JsonObject> _setupIntents = new();
    private readonly ConcurrentDictionary<string, (JsonObject Method, StandInCard Behavior)> _methods = new();
    private readonly ConcurrentDictionary<string, string> _byIdempotencyKey = new();
    private int _next;

    public bool DeclineCards { get; set; }

    public bool FailCaptures { get; set; }

    /// <summary>Stripe is down for the request paths this matches: they get a 503 api_error (Stripe.net retries those, then gives up).</summary>
    public Func<string, bool>? Unavailable { get; set; }

    /// <summary>
    /// New intents are made, but the answer is a 503, as when Stripe fails after doing the work; Stripe.net's retries
    /// carry the same idempotency key and get the same answer.
    /// </summary>
    public bool FailAfterCreatingIntents { get; set; }

    /// <summary>Search finds nothing, as while Stripe's search index lags behind.</summary>
    public bool SearchLags { get; set; }

    public ConcurrentQueue<(string Method, string Path, IReadOnlyDictionary<string, string> Form)> Requests { get; } = new();

    public Uri BaseUri { get; }

    private StripeStandIn(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public JsonObject Intent(string id) => _intents[id];

    /// <summary>The intents made for one of ChargePortal's payments (its paymentId metadata).</summary>
    public IReadOnlyList<JsonObject> IntentsFor(int paymentId) =>
        [.. _intents.Values.Where(i => (string?)i["metadata"]?["paymentId"] == paymentId.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public JsonObject Session(string id) => _sessions[id];

    public JsonObject PaymentMethod(string id) => _methods[id].Method;

    public IReadOnlyCollection<JsonObject> Customers => [.. _customers.Values];

    /// <summary>The driver enters <paramref name="card"/> on the hosted page: a card is attached and the session completes.</summary>
    public string CompleteCheckout(string sessionId, StandInCard card = StandInCard.Visa)
    {
        var session = _sessions[sessionId];
        var (brand, last4) = card switch
        {
            StandInCard.DeclinesCharges => ("visa", "0341"),
            StandInCard.RequiresAuthentication => ("visa", "3155"),
            _ => ("visa", "4242"),
        };
        var pmId = $"pm_standin_{Interlocked.Increment(ref _next)}";
        var method = new JsonObject
        {
            ["id"] = pmId,
            ["object"] = "payment_method",
            ["type"] = "card",
            ["customer"] = (string?)session["customer"],
            ["card"] = new JsonObject { ["brand"] = brand, ["last4"] = last4, ["exp_month"] = 8, ["exp_year"] = DateTime.UtcNow.Year + 3 },
        };
        _methods[pmId] = (method, card);
        var setiId = $"seti_standin_{Interlocked.Increment(ref _next)}";
        _setupIntents[setiId] = new JsonObject
        {
            ["id"] = setiId,
            ["object"] = "setup_intent",
            ["customer"] = (string?)session["customer"],
            ["status"] = "succeeded",
            ["payment_method"] = pmId,
        };
        session["status"] = "complete";
        session["setup_intent"] = setiId;
        return pmId;
    }

    /// <summary>
    /// The driver on the bank's 3-D Secure page of an intent waiting for it: confirmed, the hold is in place
    /// (requires_capture); refused, Stripe returns the intent to requires_payment_method with the bank's reason.
    /// Returns where the bank sends the driver back: the intent's return_url with payment_intent added.
    /// </summary>
    public Uri AnswerAuthentication(string intentId, bool confirmed)
    {
        var intent = _intents[intentId];
        if ((string?)intent["status"] != "requires_action")
        {
            throw new InvalidOperationException($"{intentId} is {intent["status"]}, not waiting for authentication.");
        }

        intent["status"] = confirmed ? "requires_capture" : "requires_payment_method";
        intent["next_action"] = null;
        if (!confirmed)
        {
            intent["last_payment_error"] = new JsonObject { ["type"] = "card_error", ["code"] = "payment_intent_authentication_failure", ["message"] = "The cardholder did not pass authentication." };
        }

        var returnUrl = (string)intent["return_url"]!;
        return new Uri($"{returnUrl}{(returnUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}payment_intent={intentId}");
    }

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
            : http.Request.Query.ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        var path = http.Request.Path.Value!;
        Requests.Enqueue((http.Request.Method, path, form));
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer sk_", StringComparison.Ordinal))
        {
            return Error(401, "invalid_request_error", null, "Invalid API Key provided.");
        }

        if (Unavailable?.Invoke(path) == true)
        {
            return Error(503, "api_error", null, "Stripe is temporarily unavailable.");
        }

        var segments = path.Trim('/').Split('/');
        switch (segments)
        {
            case ["v1", "customers"] when http.Request.Method == "POST":
                return CreateCustomer(form);
            case ["v1", "checkout", "sessions"] when http.Request.Method == "POST":
                return CreateSession(form);
            case ["v1", "checkout", "sessions", var id] when http.Request.Method == "GET":
                return GetSession(id, form);
            case ["v1", "payment_methods", var id, "detach"] when http.Request.Method == "POST":
                return Detach(id);
            case ["v1", "payment_intents"] when http.Request.Method == "POST":
                return CreateOnce(http.Request.Headers["Idempotency-Key"].ToString(), form);
            case ["v1", "payment_intents", "search"] when http.Request.Method == "GET":
                return Search(form.GetValueOrDefault("query") ?? "");
            case ["v1", "payment_intents", var id] when http.Request.Method == "GET":
                return _intents.TryGetValue(id, out var found) ? Results.Json(found) : Error(404, "invalid_request_error", "resource_missing", $"No such payment_intent: '{id}'");
            case ["v1", "payment_intents", var id, "capture"]:
                return Capture(id, form);
            case ["v1", "payment_intents", var id, "cancel"]:
                // Stripe cancels an intent in any state but succeeded and canceled.
                return _intents.TryGetValue(id, out var toCancel) && (string?)toCancel["status"] is { } state and not ("succeeded" or "canceled")
                    ? Transition(id, state, "canceled")
                    : Transition(id, "requires_capture", "canceled");
            case ["v1", "refunds"]:
                return Refund(form);
            default:
                return Error(404, "invalid_request_error", null, $"Unrecognized request URL ({path}).");
        }
    }

    private IResult CreateCustomer(Dictionary<string, string> form)
    {
        var id = $"cus_standin_{Interlocked.Increment(ref _next)}";
        var customer = new JsonObject { ["id"] = id, ["object"] = "customer", ["email"] = form.GetValueOrDefault("email"), ["metadata"] = Metadata(form) };
        _customers[id] = customer;
        return Results.Json(customer);
    }

    private IResult CreateSession(Dictionary<string, string> form)
    {
        if (form.GetValueOrDefault("mode") != "setup")
        {
            return Error(400, "invalid_request_error", "parameter_invalid", "The stand-in only supports setup-mode Checkout Sessions.");
        }

        if (form.GetValueOrDefault("customer") is not { } customer || !_customers.ContainsKey(customer))
        {
            return Error(400, "invalid_request_error", "resource_missing", $"No such customer: '{form.GetValueOrDefault("customer")}'");
        }

        if (form.GetValueOrDefault("success_url") is not { } success || !success.Contains("{CHECKOUT_SESSION_ID}", StringComparison.Ordinal)
            || !Uri.IsWellFormedUriString(success.Replace("{CHECKOUT_SESSION_ID}", "x", StringComparison.Ordinal), UriKind.Absolute)
            || !Uri.IsWellFormedUriString(form.GetValueOrDefault("cancel_url"), UriKind.Absolute))
        {
            return Error(400, "invalid_request_error", "url_invalid", "success_url (with {CHECKOUT_SESSION_ID}) and cancel_url must be absolute URLs.");
        }

        var id = $"cs_test_standin_{Interlocked.Increment(ref _next)}";
        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["mode"] = "setup",
            ["customer"] = customer,
            ["status"] = "open",
            ["setup_intent"] = null,
            ["success_url"] = success,
            ["cancel_url"] = form["cancel_url"],
            ["url"] = new Uri(BaseUri, $"/pay/{id}").AbsoluteUri,
            ["metadata"] = Metadata(form),
        };
        _sessions[id] = session;
        return Results.Json(session);
    }

    private IResult GetSession(string id, Dictionary<string, string> query)
    {
        if (!_sessions.TryGetValue(id, out var stored))
        {
            return Error(404, "invalid_request_error", "resource_missing", $"No such checkout.session: '{id}'");
        }

        var session = stored.DeepClone().AsObject();
        var expand = query.Where(kv => kv.Key.StartsWith("expand", StringComparison.Ordinal)).Select(kv => kv.Value).ToList();
        if ((string?)session["setup_intent"] is { } setiId && (expand.Contains("setup_intent") || expand.Contains("setup_intent.payment_method")))
        {
            var seti = _setupIntents[setiId].DeepClone().AsObject();
            if (expand.Contains("setup_intent.payment_method"))
            {
                seti["payment_method"] = _methods[(string)seti["payment_method"]!].Method.DeepClone();
            }

            session["setup_intent"] = seti;
        }

        return Results.Json(session);
    }

    private IResult Detach(string id)
    {
        if (!_methods.TryGetValue(id, out var stored))
        {
            return Error(404, "invalid_request_error", "resource_missing", $"No such PaymentMethod: '{id}'");
        }

        if (stored.Method["customer"] is null)
        {
            return Error(400, "invalid_request_error", "payment_method_unexpected_state", "The payment method you provided is not attached to a customer so detachment is impossible.");
        }

        stored.Method["customer"] = null;
        return Results.Json(stored.Method);
    }

    private static JsonObject Metadata(Dictionary<string, string> form)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in form.Where(kv => kv.Key.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            metadata[key["metadata[".Length..^1]] = value;
        }

        return metadata;
    }

    /// <summary>Like Stripe, a repeated idempotency key gets the first request's intent, not a second one.</summary>
    private IResult CreateOnce(string idempotencyKey, Dictionary<string, string> form)
    {
        if (idempotencyKey.Length > 0 && _byIdempotencyKey.TryGetValue(idempotencyKey, out var earlier))
        {
            return FailAfterCreatingIntents ? Error(503, "api_error", null, "Stripe is temporarily unavailable.") : Results.Json(_intents[earlier]);
        }

        var created = $"pi_standin_{Interlocked.Increment(ref _next)}";
        var result = Create(created, form);
        if (idempotencyKey.Length > 0 && _intents.ContainsKey(created))
        {
            _byIdempotencyKey[idempotencyKey] = created;
        }

        return FailAfterCreatingIntents && _intents.ContainsKey(created) ? Error(503, "api_error", null, "Stripe is temporarily unavailable.") : result;
    }

    /// <summary>Only the query ChargePortal makes: <c>metadata['paymentId']:'N'</c>.</summary>
    private IResult Search(string query)
    {
        var match = System.Text.RegularExpressions.Regex.Match(query, @"^metadata\['paymentId'\]:'(\d+)'$");
        if (!match.Success)
        {
            return Error(400, "invalid_request_error", "parameter_invalid", $"The stand-in cannot search for: {query}");
        }

        var found = SearchLags ? [] : _intents.Values.Where(i => (string?)i["metadata"]?["paymentId"] == match.Groups[1].Value).Select(i => i.DeepClone()).ToArray();
        return Results.Json(new JsonObject { ["object"] = "search_result", ["data"] = new JsonArray(found), ["has_more"] = false, ["url"] = "/v1/payment_intents/search" });
    }

    private IResult Create(string id, Dictionary<string, string> form)
    {
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
            ["metadata"] = Metadata(form),
        };
        var behavior = StandInCard.Visa;
        if (form.GetValueOrDefault("payment_method") is { } pm && form.GetValueOrDefault("customer") is { } customer)
        {
            // A saved card: it must be this customer's.
            if (!_methods.TryGetValue(pm, out var method) || (string?)method.Method["customer"] != customer)
            {
                return Error(400, "invalid_request_error", "resource_missing", $"No such PaymentMethod: '{pm}' for customer '{customer}'");
            }

            behavior = method.Behavior;
        }

        if (DeclineCards || behavior == StandInCard.DeclinesCharges)
        {
            intent["status"] = "requires_payment_method";
            _intents[id] = intent;
            return Error(402, "card_error", "card_declined", "Your card was declined.", id, "generic_decline");
        }

        if (behavior == StandInCard.RequiresAuthentication)
        {
            // Like Stripe: with a return_url the next action is the bank's page to redirect to; without, Stripe.js's.
            intent["status"] = "requires_action";
            intent["return_url"] = form.GetValueOrDefault("return_url");
            intent["next_action"] = form.GetValueOrDefault("return_url") is { Length: > 0 }
                ? new JsonObject { ["type"] = "redirect_to_url", ["redirect_to_url"] = new JsonObject { ["url"] = new Uri(BaseUri, $"/3ds/{id}").AbsoluteUri, ["return_url"] = form["return_url"] } }
                : new JsonObject { ["type"] = "use_stripe_sdk" };
            _intents[id] = intent;
            return Results.Json(intent);
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
