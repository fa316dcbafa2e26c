using ChargePortal.Web.Realtime;

namespace ChargePortal.Web.Tests.Live;

/// <summary>A hub connection is kept in the broadest group covering each thing it follows, so no event arrives twice.</summary>
public sealed class LiveFollowingTests
{
    [Fact]
    public void Nothing_followed_is_no_group()
    {
        new LiveFollowing().Groups().ShouldBeEmpty();
    }

    [Fact]
    public void All_covers_every_site_station_and_session()
    {
        var f = new LiveFollowing();
        f.FollowSite(1);
        f.FollowStation("S-1", 1);
        f.FollowSession("S-2", "7", 2);
        f.FollowAll();
        f.Groups().ShouldBe([LiveGroups.All]);

        f.UnfollowAll();
        f.Groups().ShouldBe([LiveGroups.Site(1), LiveGroups.Session("S-2", "7")], ignoreOrder: true);
    }

    [Fact]
    public void A_site_covers_its_own_stations_and_sessions_but_not_other_sites_ones()
    {
        var f = new LiveFollowing();
        f.FollowStation("IN", 1);
        f.FollowStation("OUT", 2);
        f.FollowStation("NOWHERE", null);
        f.FollowSession("IN", "1", 1);
        f.FollowSession("OUT2", "5", 2);
        f.FollowSite(1);
        f.Groups().ShouldBe([LiveGroups.Site(1), LiveGroups.Station("OUT"), LiveGroups.Station("NOWHERE"), LiveGroups.Session("OUT2", "5")], ignoreOrder: true);

        f.UnfollowSite(1);
        f.Groups().ShouldBe([LiveGroups.Station("IN"), LiveGroups.Station("OUT"), LiveGroups.Station("NOWHERE"), LiveGroups.Session("OUT2", "5")], ignoreOrder: true);
    }

    [Fact]
    public void A_station_covers_its_sessions_until_it_is_left()
    {
        var f = new LiveFollowing();
        f.FollowSession("S-1", "42", 3);
        f.FollowStation("S-1", 3);
        f.Groups().ShouldBe([LiveGroups.Station("S-1")]);

        f.UnfollowStation("S-1");
        f.Groups().ShouldBe([LiveGroups.Session("S-1", "42")]);

        f.UnfollowSession("S-1", "42");
        f.Groups().ShouldBeEmpty();
    }

    [Fact]
    public void Leaving_what_was_never_followed_changes_nothing()
    {
        var f = new LiveFollowing();
        f.FollowStation("S-1", 1);
        f.UnfollowStation("S-9");
        f.UnfollowSite(5);
        f.UnfollowSession("S-1", "1");
        f.UnfollowAll();
        f.Groups().ShouldBe([LiveGroups.Station("S-1")]);
    }

    [Fact]
    public void Joined_tracks_the_groups_signalr_confirmed()
    {
        var f = new LiveFollowing();
        f.MarkJoined("a");
        f.MarkJoined("b");
        f.MarkLeft("a");
        f.Joined.ShouldBe(["b"]);
    }
}
