using System.ComponentModel.DataAnnotations;

namespace ChargePortal.Web.Data;

/// <summary>Development demo data (section <c>Seed</c>): off unless <c>Seed:DemoData</c> is true.</summary>
public sealed class SeedOptions : IValidatableObject
{
    public const string Section = "Seed";

    /// <summary>Seed the demo sites, stations, tariffs, tokens and one account per role at start.</summary>
    public bool DemoData { get; set; }

    /// <summary>The password of every demo account; required when <see cref="DemoData"/> is on.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>An operator API key imported for the demo operator (Development scripts use it).</summary>
    public string? OperatorApiKey { get; set; }

    /// <summary>Days of past sessions to invent for the demo driver (0: none).</summary>
    [Range(0, 366)]
    public int DemoHistoryDays { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DemoData && string.IsNullOrWhiteSpace(DemoPassword))
        {
            yield return new ValidationResult("is empty, but Seed:DemoData is on: set the demo accounts' password.", [nameof(DemoPassword)]);
        }
    }
}
