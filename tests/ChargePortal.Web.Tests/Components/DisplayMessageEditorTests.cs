using AngleSharp.Dom;
using Bunit;
using ChargePortal.Web.DisplayMessages;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Components;

/// <summary>The display-message form: it says every problem the API would, in the site's time zone, and sends only a valid draft.</summary>
public sealed class DisplayMessageEditorTests : BunitContext
{
    private const string Zone = "Europe/Amsterdam";

    // 09:20 UTC is 10:20 in Amsterdam in winter.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 20, 0, TimeSpan.Zero));
    private readonly List<DisplayMessageDraft> _sent = [];

    public DisplayMessageEditorTests()
    {
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(_time);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Without_text_nothing_can_be_sent()
    {
        var editor = Render();

        editor.Find("[data-testid=message-problems]").TextContent.ShouldBe("Write the text to show.");
        editor.Find("button[data-testid=send-message]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task Every_problem_is_named_at_once_and_blocks_sending()
    {
        var editor = Render();
        await editor.InvokeAsync(() => editor.Instance.Edit(Message("Überall geschlossen", format: "ASCII")));
        await Field(editor, "message-starts").InputAsync(new() { Value = "2026-12-08T12:00" });
        await Field(editor, "message-ends").InputAsync(new() { Value = "2026-12-08T11:00" });

        var problems = editor.Find("[data-testid=message-problems]").TextContent;
        problems.ShouldContain("content must be plain ASCII");
        problems.ShouldContain("must be after startsAt");
        editor.Find("button[data-testid=send-message]").HasAttribute("disabled").ShouldBeTrue();

        await Field(editor, "message-ends").InputAsync(new() { Value = "2026-12-07T09:00" });
        await Field(editor, "message-starts").InputAsync(new() { Value = "" });
        editor.Find("[data-testid=message-problems]").TextContent.ShouldContain("Show until is in the past.");
        _sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_out_of_order_template_sends_an_AlwaysFront_message_ending_at_the_site_time_it_names()
    {
        var editor = Render();
        await editor.Find("[data-testid=template-out-of-order]").ClickAsync(new());
        editor.FindAll("[data-testid=message-problems]").ShouldBeEmpty();

        await editor.Find("button[data-testid=send-message]").ClickAsync(new());

        var draft = _sent.ShouldHaveSingleItem();
        draft.Id.ShouldBeNull();
        draft.Priority.ShouldBe(DisplayMessagePriority.AlwaysFront);
        draft.Format.ShouldBe(DisplayMessageFormat.UTF8);
        draft.Content.ShouldStartWith("Out of order until 12:00");

        // 12:00 in Amsterdam (UTC+1 in December) is 11:00 UTC.
        draft.EndsAt.ShouldBe(new DateTimeOffset(2026, 12, 7, 11, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Replacing_keeps_the_message_id_and_its_new_parameters()
    {
        var editor = Render(replaceId: 4);
        await editor.InvokeAsync(() => editor.Instance.Edit(Message("Tariff 0.39 EUR/kWh", format: "UTF8", state: "Idle")));
        await Field(editor, "message-content").InputAsync(new() { Value = "Tariff 0.45 EUR/kWh" });

        await editor.Find("button[data-testid=send-message]").ClickAsync(new());

        var draft = _sent.ShouldHaveSingleItem();
        draft.Id.ShouldBe(4);
        draft.Content.ShouldBe("Tariff 0.45 EUR/kWh");
        draft.State.ShouldBe(DisplayMessageState.Idle);
        draft.Priority.ShouldBe(DisplayMessagePriority.InFront);
    }

    private IRenderedComponent<DisplayMessageEditor> Render(int? replaceId = null) => Render<DisplayMessageEditor>(p => p
        .Add(e => e.TimeZoneId, Zone)
        .Add(e => e.ReplaceId, replaceId)
        .Add(e => e.OnSubmit, (DisplayMessageDraft d) => _sent.Add(d)));

    private static StationDisplayMessage Message(string content, string format, string? state = null) => new()
    {
        StationId = "S", MessageId = 4, Priority = "InFront", State = state, Format = format, Language = "de", Content = content, Source = "Set",
    };

    /// <summary>The input or textarea of the field with <paramref name="testId"/> (MudBlazor puts the attribute on the input).</summary>
    private static IElement Field(IRenderedComponent<DisplayMessageEditor> editor, string testId)
    {
        var element = editor.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input, textarea")!;
    }
}
