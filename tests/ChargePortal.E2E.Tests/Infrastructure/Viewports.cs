namespace ChargePortal.E2E.Tests.Infrastructure;

public static class Viewports
{
    /// <summary>A typical phone (390×844 CSS px, touch, 2× pixels).</summary>
    public static BrowserNewContextOptions Phone() => new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        DeviceScaleFactor = 2,
    };

    public static BrowserNewContextOptions Desktop() => new()
    {
        ViewportSize = new() { Width = 1440, Height = 900 },
    };
}
