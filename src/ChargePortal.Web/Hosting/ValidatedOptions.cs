using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Hosting;

/// <summary>
/// Options bound from one configuration section and checked when the host starts: a wrong setting stops the start
/// with a message naming the key (<c>Ocpp:CallTimeoutSeconds must be between 1 and 600</c>), instead of surfacing
/// later as a puzzling failure in whatever first uses it.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, validates its data annotations at start.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionAnnotationsValidator<TOptions>(section));
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>Data annotations (and <see cref="IValidatableObject"/>) of the options, each failure named by its full key.</summary>
    private sealed class SectionAnnotationsValidator<TOptions>(string section) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                return ValidateOptionsResult.Success;
            }

            return ValidateOptionsResult.Fail(results.Select(r => r.MemberNames.Any()
                ? $"{string.Join(", ", r.MemberNames.Select(m => $"{section}:{m}"))}: {r.ErrorMessage}"
                : $"{section}: {r.ErrorMessage}"));
        }
    }
}
