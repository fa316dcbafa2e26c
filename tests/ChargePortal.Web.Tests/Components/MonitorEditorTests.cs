using Bunit;
using ChargePortal.Web.DeviceModel;
using ChargePortal.Web.Monitoring;
using ChargePortal.Web.Ocpp.Commands;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Components;

/// <summary>The console's "set a monitor" form: what it offers and what it refuses before anything is sent (N04).</summary>
public sealed class MonitorEditorTests : BunitContext
{
    private const string Power = "EVSE@1 / Power";
    private const string Mode = "AuthCtrlr / Mode";
    private readonly List<MonitorSetting> _sent = [];

    public MonitorEditorTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static IReadOnlyList<DeviceModelEntryDto> Model() =>
    [
        Entry(new DeviceModelComponentDto("EVSE", null, new DeviceModelEvseDto(1, null)), "Power", new DeviceModelCharacteristicsDto("decimal", "W", 0, 22000, null, true)),
        Entry(new DeviceModelComponentDto("AuthCtrlr", null, null), "Mode", new DeviceModelCharacteristicsDto("OptionList", null, null, null, "Local,Central", true)),
        Entry(new DeviceModelComponentDto("ChargingStation", null, null), "SerialNumber", new DeviceModelCharacteristicsDto("string", null, null, null, null, false)),
    ];

    [Fact]
    public void Only_variables_that_support_monitoring_are_offered()
    {
        var editor = Render();

        var options = editor.FindAll("[data-testid=monitor-variable] option").Select(o => o.GetAttribute("value")).Where(v => v!.Length > 0).ToList();
        options.ShouldBe([Mode, Power]);
    }

    [Fact]
    public void A_threshold_outside_the_variables_range_and_a_negative_delta_are_refused_and_nothing_is_sent()
    {
        var editor = Render();
        editor.Find("[data-testid=monitor-variable]").Change(Power);
        editor.Find("[data-testid=monitor-range]").TextContent.ShouldContain("0 … 22000");

        Fill(editor, "25000");
        editor.Find("[data-testid=monitor-set]").Click();
        editor.Find("[data-testid=monitor-error]").TextContent.ShouldContain("above the variable's maximum 22000");

        editor.Find("[data-testid=monitor-type]").Change("Delta");
        Fill(editor, "-5");
        editor.Find("[data-testid=monitor-set]").Click();
        editor.Find("[data-testid=monitor-error]").TextContent.ShouldContain("A delta is 0 or more");

        editor.Find("[data-testid=monitor-type]").Change("Periodic");
        Fill(editor, "0.5");
        editor.Find("[data-testid=monitor-set]").Click();
        editor.Find("[data-testid=monitor-error]").TextContent.ShouldContain("whole number of seconds");

        _sent.ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_variable_or_with_a_bad_severity_or_id_the_form_says_what_is_missing()
    {
        var editor = Render();
        editor.Find("[data-testid=monitor-set]").Click();
        editor.FindAll("[data-testid=monitor-error]").Select(e => e.TextContent).ShouldContain(t => t.Contains("Pick the component and variable"));

        editor.Find("[data-testid=monitor-variable]").Change(Power);
        Fill(editor, "7000");
        Input(editor, "monitor-severity").Change("12");
        Input(editor, "monitor-replace-id").Change("x1");
        editor.Find("[data-testid=monitor-set]").Click();
        var errors = editor.FindAll("[data-testid=monitor-error]").Select(e => e.TextContent).ToList();
        errors.ShouldContain(t => t.Contains("Severity runs from 0 (Danger) to 9 (Debug), not 12."));
        errors.ShouldContain(t => t.Contains("not \"x1\""));
        _sent.ShouldBeEmpty();
    }

    [Fact]
    public void A_valid_monitor_is_sent_with_its_address_and_a_non_numeric_delta_defaults_to_1()
    {
        var editor = Render();
        editor.Find("[data-testid=monitor-variable]").Change(Power);
        Fill(editor, "7000.5");
        Input(editor, "monitor-severity").Change("4");
        Input(editor, "monitor-replace-id").Change("11");
        editor.Find("[data-testid=monitor-set]").Click();

        var sent = _sent.ShouldHaveSingleItem();
        sent.Address.ShouldBe(new VariableAddress("EVSE", null, 1, null, "Power", null));
        (sent.Type, sent.Value, sent.Severity, sent.Id).ShouldBe((MonitorKind.UpperThreshold, 7000.5m, 4, (int?)11));
        editor.FindAll("[data-testid=monitor-error]").ShouldBeEmpty();

        editor.Find("[data-testid=monitor-variable]").Change(Mode);
        editor.Find("[data-testid=monitor-type]").Change("Delta");
        Fill(editor, "");
        Input(editor, "monitor-replace-id").Change("");
        editor.Find("[data-testid=monitor-set]").Click();
        _sent.Count.ShouldBe(2);
        (_sent[1].Type, _sent[1].Value, _sent[1].Id).ShouldBe((MonitorKind.Delta, 1m, (int?)null));
    }

    private IRenderedComponent<MonitorEditor> Render() => Render<MonitorEditor>(p => p
        .Add(e => e.Variables, Model())
        .Add(e => e.Send, monitor =>
        {
            _sent.Add(monitor);
            return Task.CompletedTask;
        }));

    private static void Fill(IRenderedComponent<MonitorEditor> editor, string value) => Input(editor, "monitor-value").Change(value);

    /// <summary>MudBlazor puts the test id on the input itself or on its wrapper, depending on the component.</summary>
    private static AngleSharp.Dom.IElement Input(IRenderedComponent<MonitorEditor> editor, string testId) =>
        editor.Find($"input[data-testid={testId}], [data-testid={testId}] input");

    private static DeviceModelEntryDto Entry(DeviceModelComponentDto component, string variable, DeviceModelCharacteristicsDto characteristics) =>
        new(component, new DeviceModelVariableNameDto(variable, null), [new DeviceModelAttributeDto("Actual", null, "ReadOnly", null, null)], characteristics);
}
