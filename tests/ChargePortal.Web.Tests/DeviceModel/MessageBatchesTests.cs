using ChargePortal.Web.Ocpp.Commands;

namespace ChargePortal.Web.Tests.DeviceModel;

public sealed class MessageBatchesTests
{
    private static readonly IReadOnlyList<string> Items = ["aa", "bbbb", "c", "dd", "eeeee"];

    // A frame is 10 bytes of envelope plus the items' lengths.
    private static int Bytes(IReadOnlyList<string> batch) => 10 + batch.Sum(i => i.Length);

    [Fact]
    public void Without_limits_everything_goes_in_one_message() =>
        MessageBatches.Split(Items, MessageLimits.None, Bytes).ShouldBe([Items]);

    [Fact]
    public void Items_per_message_cuts_in_order() =>
        MessageBatches.Split(Items, new MessageLimits(2, null), Bytes).ShouldBe([["aa", "bbbb"], ["c", "dd"], ["eeeee"]]);

    [Fact]
    public void Bytes_per_message_cuts_where_the_next_item_would_not_fit() =>
        MessageBatches.Split(Items, new MessageLimits(null, 17), Bytes).ShouldBe([["aa", "bbbb", "c"], ["dd", "eeeee"]]);

    [Fact]
    public void Both_limits_apply_together() =>
        MessageBatches.Split(Items, new MessageLimits(2, 16), Bytes).ShouldBe([["aa", "bbbb"], ["c", "dd"], ["eeeee"]]);

    [Fact]
    public void An_item_too_large_for_any_message_is_refused()
    {
        var error = Should.Throw<StationCommandArgumentException>(() => MessageBatches.Split(Items, new MessageLimits(null, 14), Bytes));
        error.Message.ShouldContain("15 bytes, more than the 14 bytes per message the station accepts");
    }
}
