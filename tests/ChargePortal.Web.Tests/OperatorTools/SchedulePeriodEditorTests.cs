using Bunit;
using MudBlazor.Services;
using ChargePortal.Web.SmartCharging;

namespace ChargePortal.Web.Tests.OperatorTools;

public sealed class SchedulePeriodEditorTests : BunitContext
{
    public SchedulePeriodEditorTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Valid_periods_show_no_error()
    {
        var editor = Render<SchedulePeriodEditor>(p => p.Add(e => e.Periods, [new() { StartPeriodSeconds = 0, Limit = 11_000 }]));
        editor.FindAll("[data-testid=period-row]").Count.ShouldBe(1);
        editor.FindAll("[data-testid=period-error]").ShouldBeEmpty();
    }

    [Fact]
    public void Adding_a_period_starts_it_an_hour_later_with_the_same_limit()
    {
        List<SchedulePeriodDraft> periods = [new() { StartPeriodSeconds = 0, Limit = 7_400 }];
        var changed = 0;
        var editor = Render<SchedulePeriodEditor>(p => p.Add(e => e.Periods, periods).Add(e => e.OnChanged, () => changed++));

        editor.Find("[data-testid=period-add] button, button[data-testid=period-add]").Click();

        periods.Count.ShouldBe(2);
        periods[1].StartPeriodSeconds.ShouldBe(3600);
        periods[1].Limit.ShouldBe(7_400);
        changed.ShouldBe(1);
        editor.FindAll("[data-testid=period-row]").Count.ShouldBe(2);
    }

    [Fact]
    public void Typing_a_start_that_does_not_increase_shows_the_error()
    {
        List<SchedulePeriodDraft> periods = [new() { StartPeriodSeconds = 0, Limit = 10 }, new() { StartPeriodSeconds = 600, Limit = 5 }];
        var editor = Render<SchedulePeriodEditor>(p => p.Add(e => e.Periods, periods));

        editor.Find("[data-testid=period-start-1] input, input[data-testid=period-start-1]").Input("0");

        periods[1].StartPeriodSeconds.ShouldBe(0);
        editor.FindAll("[data-testid=period-error]").Select(e => e.TextContent)
            .ShouldContain(t => t.Contains("strictly increasing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_limit_and_a_late_first_start_are_both_reported()
    {
        List<SchedulePeriodDraft> periods = [new() { StartPeriodSeconds = 30, Limit = -2 }];
        var editor = Render<SchedulePeriodEditor>(p => p.Add(e => e.Periods, periods));

        var errors = editor.FindAll("[data-testid=period-error]").Select(e => e.TextContent).ToList();
        errors.ShouldContain(t => t.Contains("must start at 0 s", StringComparison.Ordinal));
        errors.ShouldContain(t => t.Contains("must be 0 or more", StringComparison.Ordinal));
    }

    [Fact]
    public void The_last_period_cannot_be_removed_but_others_can()
    {
        List<SchedulePeriodDraft> periods = [new() { StartPeriodSeconds = 0, Limit = 10 }, new() { StartPeriodSeconds = 60, Limit = 5 }];
        var editor = Render<SchedulePeriodEditor>(p => p.Add(e => e.Periods, periods));

        editor.Find("button[data-testid=period-remove-1]").Click();
        periods.Count.ShouldBe(1);
        editor.Find("button[data-testid=period-remove-0]").HasAttribute("disabled").ShouldBeTrue();
    }
}
