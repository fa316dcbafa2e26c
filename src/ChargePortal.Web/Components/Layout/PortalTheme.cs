using MudBlazor;

namespace ChargePortal.Web.Components.Layout;

public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b7a5b",
            Secondary = "#1f5fae",
            AppbarBackground = "#0b7a5b",
            Success = "#2e7d32",
            Warning = "#b26a00",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#3ecf9d",
            Secondary = "#7fb2ff",
            AppbarBackground = "#10231d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
