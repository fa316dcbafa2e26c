using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChargePortal.Web.Telemetry;

/// <summary>
/// Payment operations with the provider by operation and outcome, and the money they moved by currency, on the
/// <see cref="MeterName"/> meter: what a CPO's finance dashboard and a "captures failing" alert are built on.
/// </summary>
public sealed class PaymentMetrics
{
    public const string MeterName = "ChargePortal.Payments";

    private readonly Counter<long> _payments;
    private readonly Counter<double> _amount;

    public PaymentMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _payments = meter.CreateCounter<long>("chargeportal.payments", "{payment}",
            "Payment operations with the provider, by operation and outcome");
        _amount = meter.CreateCounter<double>("chargeportal.payments.amount", "{currency_unit}",
            "Money captured or refunded, by operation and currency (major units)");
    }

    public void Outcome(string operation, string outcome) =>
        _payments.Add(1, new TagList { { "operation", operation }, { "outcome", outcome } });

    public void Amount(string operation, decimal amount, string currency) =>
        _amount.Add((double)amount, new TagList { { "operation", operation }, { "currency", currency.ToUpperInvariant() } });
}

/// <summary>The <c>operation</c> tag of <see cref="PaymentMetrics"/>.</summary>
public static class PaymentOperation
{
    public const string Hold = "hold";
    public const string Capture = "capture";
    public const string Release = "release";
    public const string Refund = "refund";

    /// <summary>The part of a session's cost above its hold, charged off-session (Payments:OverHoldPolicy=ChargeRest).</summary>
    public const string Remainder = "remainder";
    public const string NoShowFee = "no_show_fee";
}

/// <summary>The <c>outcome</c> tag of <see cref="PaymentMetrics"/>.</summary>
public static class PaymentOutcome
{
    public const string Authorized = "authorized";
    public const string AwaitingAuthentication = "awaiting_authentication";
    public const string Captured = "captured";
    public const string Released = "released";
    public const string Refunded = "refunded";
    public const string Failed = "failed";

    /// <summary>The provider did not answer: the outcome is found out later (retried, or looked up).</summary>
    public const string Unanswered = "unanswered";
}
