using System.Text.Json;

namespace ChargePortal.E2E.Tests.Infrastructure;

/// <summary>The repository root (the folder holding ChargePortal.sln) and what the tests read from it.</summary>
public static class RepositoryRoot
{
    /// <summary>The settings key, spelled as in the JSON file (not a reference to the property below).</summary>
    private const string DemoPasswordKey = "DemoPassword";

    private static readonly Lazy<string> Root = new(Find);
    private static readonly Lazy<string> Password = new(ReadDemoPassword);

    public static string Path => Root.Value;

    /// <summary><c>Seed:DemoPassword</c> from the repository's appsettings.Development.json (never hard-coded here).</summary>
    public static string DemoPassword => Password.Value;

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "ChargePortal.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Could not find ChargePortal.sln above {AppContext.BaseDirectory}; run the E2E tests from inside the repository.");
    }

    private static string ReadDemoPassword()
    {
        var file = System.IO.Path.Combine(Path, "appsettings.Development.json");
        using var json = JsonDocument.Parse(File.ReadAllText(file),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var password = json.RootElement.TryGetProperty("Seed", out var seed) && seed.TryGetProperty(DemoPasswordKey, out var value)
            ? value.GetString()
            : null;
        return string.IsNullOrWhiteSpace(password)
            ? throw new InvalidOperationException($"{file} has no Seed:DemoPassword; the demo accounts cannot be used.")
            : password;
    }
}
