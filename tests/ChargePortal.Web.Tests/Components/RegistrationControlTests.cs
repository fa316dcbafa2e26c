using Bunit;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Stations.Provisioning;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Components;

/// <summary>The console's registration control: the operator's decision on a pending station, and its refusal shown.</summary>
public sealed class RegistrationControlTests : BunitContext
{
    public RegistrationControlTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public async Task A_pending_station_is_accepted_with_one_click_and_then_offers_to_be_put_back_on_hold_or_rejected()
    {
        var asked = new List<StationRegistrationStatus>();
        var control = Render<RegistrationControl>(p => p
            .Add(c => c.Status, StationRegistrationStatus.Pending)
            .Add(c => c.OnChange, s => { asked.Add(s); return Task.FromResult<string?>(null); }));

        control.Find("[data-testid=registration-status]").TextContent.ShouldContain("pending");
        control.FindAll("[data-testid=registration-pending]").ShouldBeEmpty();
        await control.Find("[data-testid=registration-accepted]").ClickAsync(new());

        asked.ShouldBe([StationRegistrationStatus.Accepted]);
        control.Find("[data-testid=registration-status]").TextContent.ShouldContain("accepted");
        control.FindAll("[data-testid=registration-accepted]").ShouldBeEmpty();
        control.FindAll("[data-testid=registration-pending]").ShouldHaveSingleItem();
        control.FindAll("[data-testid=registration-rejected]").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_refused_change_keeps_the_status_and_says_why()
    {
        var control = Render<RegistrationControl>(p => p
            .Add(c => c.Status, StationRegistrationStatus.Rejected)
            .Add(c => c.OnChange, _ => Task.FromResult<string?>("No station 'X' is registered.")));

        await control.Find("[data-testid=registration-accepted]").ClickAsync(new());

        control.Find("[data-testid=registration-status]").TextContent.ShouldContain("rejected");
        control.Find("[data-testid=registration-error]").TextContent.ShouldBe("No station 'X' is registered.");
    }
}
