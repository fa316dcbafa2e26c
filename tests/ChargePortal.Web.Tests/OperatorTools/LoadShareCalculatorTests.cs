using ChargePortal.Web.LoadManagement;

namespace ChargePortal.Web.Tests.OperatorTools;

public sealed class LoadShareCalculatorTests
{
    private static int[] Shares(int? limit, params int[] connectorCaps)
        => [.. LoadShareCalculator.Calculate(limit, [.. connectorCaps.Select((cap, i) => new LoadSession($"s{i}", cap))]).Select(s => s.LimitW)];

    [Fact]
    public void No_limit_means_no_shares() => Shares(null, 22_000, 11_000).ShouldBeEmpty();

    [Fact]
    public void No_sessions_means_no_shares() => Shares(50_000).ShouldBeEmpty();

    [Fact]
    public void One_session_gets_the_whole_limit_up_to_its_connector()
    {
        Shares(16_000, 22_000).ShouldBe([16_000]);
        Shares(50_000, 22_000).ShouldBe([22_000]);
    }

    [Fact]
    public void Many_sessions_share_equally() => Shares(33_000, 22_000, 22_000, 22_000).ShouldBe([11_000, 11_000, 11_000]);

    [Fact]
    public void A_capped_connector_leaves_its_rest_to_the_others()
    {
        // 30 kW over three: 10 kW each, but one connector takes 3.7 kW, so the other two share 26.3 kW.
        Shares(30_000, 22_000, 3_700, 22_000).ShouldBe([13_150, 3_700, 13_150]);
    }

    [Fact]
    public void Caps_cascade_until_every_share_fits()
    {
        // Equal share 25 kW; the 7.4 kW cap frees power, then the 11 kW cap fits too, the rest goes to the DC charger.
        Shares(100_000, 7_400, 11_000, 150_000, 22_000).ShouldBe([7_400, 11_000, 59_600, 22_000]);
    }

    [Fact]
    public void Everyone_capped_leaves_the_site_limit_unused() => Shares(100_000, 11_000, 7_400).ShouldBe([11_000, 7_400]);

    [Fact]
    public void Shares_round_down_so_the_sum_never_exceeds_the_limit()
    {
        var shares = Shares(10_000, 22_000, 22_000, 22_000);
        shares.ShouldBe([3_333, 3_333, 3_333]);
        shares.Sum().ShouldBeLessThanOrEqualTo(10_000);
    }

    [Fact]
    public void Unknown_connector_power_is_not_a_cap() => Shares(20_000, 0, 22_000).ShouldBe([10_000, 10_000]);

    [Fact]
    public void A_zero_or_negative_limit_gives_zero() => Shares(-5, 22_000).ShouldBe([0]);

    [Fact]
    public void Shares_keep_the_sessions_order_and_keys()
    {
        var shares = LoadShareCalculator.Calculate(12_000, [new LoadSession("b", 22_000), new LoadSession("a", 2_000)]);
        shares.Select(s => s.Key).ShouldBe(["b", "a"]);
        shares.Select(s => s.LimitW).ShouldBe([10_000, 2_000]);
    }
}
