using Bunit;
using ChargePortal.Web.DeviceModel;
using ChargePortal.Web.Ocpp.Commands;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Components;

/// <summary>The console's device-model browser: what can be edited and how the characteristics bound a value.</summary>
public sealed class DeviceModelBrowserTests : BunitContext
{
    private const string Heartbeat = "[data-key='OCPPCommCtrlr/HeartbeatInterval/Actual']";
    private const string Model = "[data-key='ChargingStation/Model/Actual']";
    private const string Mode = "[data-key='AuthCtrlr/Mode/Actual']";
    private const string Enabled = "[data-key='AuthCacheCtrlr/Enabled/Actual']";
    private const string Power = "[data-key='EVSE[left]@2.1/Power[L1]/MaxSet']";
    private const string Password = "[data-key='SecurityCtrlr/BasicAuthPassword/Actual']";
    private const string Serial = "[data-key='ChargingStation/SerialNumber/Actual']";

    private readonly List<VariableWrite> _sent = [];
    private VariableEditOutcome _answer = new(true, "Accepted", "The station answered Accepted.", VariableStatus.Accepted);

    public DeviceModelBrowserTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static IReadOnlyList<DeviceModelEntryDto> Model_() =>
    [
        Entry("OCPPCommCtrlr", "HeartbeatInterval", [Attr("Actual", "300", "ReadWrite")], new DeviceModelCharacteristicsDto("integer", "s", 10, 86400, null, false)),
        Entry("ChargingStation", "Model", [Attr("Actual", "Simulator", "ReadOnly")], new DeviceModelCharacteristicsDto("string", null, null, 20, null, false)),
        Entry("ChargingStation", "SerialNumber", [Attr("Actual", "SN-1", "ReadWrite", constant: true)], null),
        Entry("AuthCtrlr", "Mode", [Attr("Actual", "Local", "ReadWrite")], new DeviceModelCharacteristicsDto("OptionList", null, null, null, "Local,Central,Both", false)),
        Entry("AuthCacheCtrlr", "Enabled", [Attr("Actual", "true", "ReadWrite")], new DeviceModelCharacteristicsDto("boolean", null, null, null, null, false)),
        Entry("SecurityCtrlr", "BasicAuthPassword", [Attr("Actual", null, "WriteOnly")], new DeviceModelCharacteristicsDto("string", null, null, 40, null, false)),
        new DeviceModelEntryDto(
            new DeviceModelComponentDto("EVSE", "left", new DeviceModelEvseDto(2, 1)), new DeviceModelVariableNameDto("Power", "L1"),
            [Attr("Actual", "0", "ReadOnly"), Attr("MaxSet", "22000", "ReadWrite")], new DeviceModelCharacteristicsDto("decimal", "W", 0, 22000, null, true)),
    ];

    [Fact]
    public void Read_only_and_constant_attributes_show_their_value_and_offer_no_editor()
    {
        var browser = RenderBrowser();

        foreach (var row in new[] { Model, Serial, "[data-key='EVSE[left]@2.1/Power[L1]/Actual']" })
        {
            var cells = browser.Find(row);
            cells.ClassList.ShouldContain("config-readonly");
            cells.QuerySelectorAll("[data-testid=dm-input], input, select").ShouldBeEmpty();
            cells.QuerySelectorAll("[data-testid=dm-save]").ShouldBeEmpty();
        }

        browser.Find($"{Model} [data-testid=dm-value]").TextContent.ShouldBe("Simulator");
        browser.Find(Model).TextContent.ShouldContain("read-only");
        browser.Find(Serial).TextContent.ShouldContain("constant");
        browser.Find($"{Heartbeat} input").GetAttribute("value").ShouldBe("300");
        browser.Find($"{Power} input").GetAttribute("value").ShouldBe("22000");
    }

    [Fact]
    public async Task An_integer_outside_its_limits_or_not_a_number_is_explained_and_cannot_be_sent()
    {
        var browser = RenderBrowser();
        browser.Find($"{Heartbeat} [data-testid=dm-hint]").TextContent.ShouldBe("integer, 10–86400 s");
        browser.Find($"{Heartbeat} [data-testid=dm-save]").HasAttribute("disabled").ShouldBeTrue();

        await browser.Find($"{Heartbeat} input").InputAsync(new() { Value = "5" });
        browser.Find($"{Heartbeat} [data-testid=dm-error]").TextContent.ShouldBe("At least 10 s.");
        browser.Find($"{Heartbeat} [data-testid=dm-save]").HasAttribute("disabled").ShouldBeTrue();

        await browser.Find($"{Heartbeat} input").InputAsync(new() { Value = "90000" });
        browser.Find($"{Heartbeat} [data-testid=dm-error]").TextContent.ShouldBe("At most 86400 s.");

        await browser.Find($"{Heartbeat} input").InputAsync(new() { Value = "12.5" });
        browser.Find($"{Heartbeat} [data-testid=dm-error]").TextContent.ShouldBe("\"12.5\" is not a whole number.");
        browser.Find($"{Heartbeat} [data-testid=dm-save]").HasAttribute("disabled").ShouldBeTrue();
        _sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_valid_value_is_sent_with_its_address_and_the_stations_verdict_shown()
    {
        var browser = RenderBrowser();

        await browser.Find($"{Heartbeat} input").InputAsync(new() { Value = "120" });
        browser.FindAll($"{Heartbeat} [data-testid=dm-error]").ShouldBeEmpty();
        await browser.Find($"{Heartbeat} [data-testid=dm-save]").ClickAsync(new());

        _sent.ShouldBe([new VariableWrite(new VariableAddress("OCPPCommCtrlr", null, null, null, "HeartbeatInterval", null), AttributeKind.Actual, "120")]);
        browser.WaitForAssertion(() => browser.Find($"{Heartbeat} [data-testid=dm-result]").TextContent.Trim().ShouldBe("Accepted"));
        browser.Find($"{Heartbeat} input").GetAttribute("value").ShouldBe("120");
        browser.Find($"{Heartbeat} [data-testid=dm-save]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task A_component_instance_on_an_evse_connector_and_a_non_actual_attribute_are_addressed_exactly()
    {
        var browser = RenderBrowser();

        await browser.Find($"{Power} input").InputAsync(new() { Value = "22001" });
        browser.Find($"{Power} [data-testid=dm-error]").TextContent.ShouldBe("At most 22000 W.");
        await browser.Find($"{Power} input").InputAsync(new() { Value = "11000.5" });
        await browser.Find($"{Power} [data-testid=dm-save]").ClickAsync(new());

        _sent.ShouldBe([new VariableWrite(new VariableAddress("EVSE", "left", 2, 1, "Power", "L1"), AttributeKind.MaxSet, "11000.5")]);
    }

    [Fact]
    public async Task An_option_list_and_a_boolean_offer_only_their_values()
    {
        var browser = RenderBrowser();

        browser.FindAll($"{Mode} option").Select(o => o.TextContent).ShouldBe(["Local", "Central", "Both"]);
        browser.FindAll($"{Enabled} option").Select(o => o.TextContent).ShouldBe(["true", "false"]);

        await browser.Find($"{Mode} select").ChangeAsync(new() { Value = "Both" });
        await browser.Find($"{Mode} [data-testid=dm-save]").ClickAsync(new());
        await browser.Find($"{Enabled} select").ChangeAsync(new() { Value = "false" });
        await browser.Find($"{Enabled} [data-testid=dm-save]").ClickAsync(new());

        _sent.Select(w => (w.Address.Variable, w.Value)).ShouldBe([("Mode", "Both"), ("Enabled", "false")]);
    }

    [Fact]
    public void A_write_only_attribute_is_editable_but_never_shows_a_value()
    {
        var browser = RenderBrowser();

        var input = browser.Find($"{Password} input");
        input.GetAttribute("value").ShouldBeNullOrEmpty();
        input.GetAttribute("placeholder").ShouldBe("write-only");
        browser.Find($"{Password} [data-testid=dm-hint]").TextContent.ShouldBe("string, at most 40 characters");
    }

    [Fact]
    public async Task A_rejected_value_keeps_the_old_one_and_says_why()
    {
        _answer = new VariableEditOutcome(false, "Rejected", "The station answered Rejected: OutOfRange.", VariableStatus.Rejected);
        var browser = RenderBrowser();

        await browser.Find($"{Heartbeat} input").InputAsync(new() { Value = "60" });
        await browser.Find($"{Heartbeat} [data-testid=dm-save]").ClickAsync(new());

        browser.WaitForAssertion(() => browser.Find($"{Heartbeat} [data-testid=dm-result]").TextContent.Trim().ShouldBe("Rejected"));
        browser.Find($"{Heartbeat} [data-testid=dm-result-message]").TextContent.ShouldBe("The station answered Rejected: OutOfRange.");
        browser.Find($"{Heartbeat} input").GetAttribute("value").ShouldBe("60");
    }

    [Fact]
    public async Task The_filter_and_the_writable_switch_narrow_the_list_per_component()
    {
        var browser = RenderBrowser();
        browser.FindAll("[data-testid=dm-component]").Count.ShouldBe(6);

        await browser.Find("[data-testid=dm-filter] input").InputAsync(new() { Value = "heartbeat" });
        browser.FindAll("[data-testid=dm-row]").Select(r => r.GetAttribute("data-key")).ShouldBe(["OCPPCommCtrlr/HeartbeatInterval/Actual"]);
        browser.Find("[data-testid=dm-count]").TextContent.ShouldBe("1 of 7 variables");

        await browser.Find("[data-testid=dm-filter] input").InputAsync(new() { Value = "chargingstation" });
        browser.FindAll("[data-testid=dm-row]").Count.ShouldBe(2);
        await browser.Find("[data-testid=dm-writable-only] input").ChangeAsync(new() { Value = true });
        browser.FindAll("[data-testid=dm-row]").ShouldBeEmpty();
        browser.Find("[data-testid=dm-none]").TextContent.ShouldBe("No variable matches the filter.");
    }

    private IRenderedComponent<DeviceModelBrowser> RenderBrowser() =>
        Render<DeviceModelBrowser>(p => p
            .Add(b => b.Entries, Model_())
            .Add(b => b.Save, write =>
            {
                _sent.Add(write);
                return Task.FromResult(_answer);
            }));

    private static DeviceModelEntryDto Entry(string component, string variable, IReadOnlyList<DeviceModelAttributeDto> attributes, DeviceModelCharacteristicsDto? c) =>
        new(new DeviceModelComponentDto(component, null, null), new DeviceModelVariableNameDto(variable, null), attributes, c);

    private static DeviceModelAttributeDto Attr(string type, string? value, string mutability, bool constant = false) =>
        new(type, value, mutability, false, constant);
}
