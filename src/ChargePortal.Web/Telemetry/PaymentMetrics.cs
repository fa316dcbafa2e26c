using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChargePortal.Web.Telemetry;

/// <summary>Payments by kind (hold, capture, release, refund, no_show_fee…) and outcome, on the <see cref="MeterName"/> meter.</summary>
public sealed class PaymentMetrics
{
    public const string MeterName = "ChargePortal.Payments";

    private readonly Counter<long> _payments;

    public PaymentMetrics(IMeterFactory meterFactory) =>
        _payments = meterFactory.Create(MeterName).CreateCounter<long>("chargeportal.payments", "{payment}",
            "Payment operations with the provider, by operation and outcome");

    public void Outcome(string operation, string outcome) =>
        _payments.Add(1, new TagList { { "operation", operation }, { "outcome", outcome } });
}
