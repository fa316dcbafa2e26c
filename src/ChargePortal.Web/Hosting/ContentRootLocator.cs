namespace ChargePortal.Web.Hosting;

/// <summary>
/// The repository root holds the one <c>wwwroot/</c> and <c>appsettings.Development.json</c>
/// (the product's layout). Run from source, the host walks up to the folder with
/// <c>ChargePortal.sln</c>; published, they sit next to the binaries.
/// </summary>
public static class ContentRootLocator
{
    public const string SolutionFileName = "ChargePortal.sln";

    /// <returns>The content root to use, or null to leave the host's own choice (given explicitly).</returns>
    public static string? Locate(string[] args)
    {
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT")))
        {
            return null;
        }

        return FindRepositoryRoot(Directory.GetCurrentDirectory())
            ?? FindRepositoryRoot(AppContext.BaseDirectory)
            ?? AppContext.BaseDirectory;
    }

    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
