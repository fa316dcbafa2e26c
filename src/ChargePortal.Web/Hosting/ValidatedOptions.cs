using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Hosting;

/// <summary>
/// Options bound from one configuration section and checked when the host starts: a wrong setting stops the start
/// with a message naming the key (<c>Ocpp:CallTimeoutSeconds must be between 1 and 600</c>), instead of surfacing
/// later as a puzzling failure in whatever first uses it. Settings that must be known while services are registered
/// (the database provider, the key ring's certificate) are read with <see cref="ReadValidated{TOptions}"/>: the same
/// binding, the same rules, the same messages, only earlier.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, validates its data annotations at start.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionAnnotationsValidator<TOptions>(section));

        // Before the binder, which would stop at a wrong choice with a message that does not list the right ones.
        return services.AddOptions<TOptions>()
            .Configure<IConfiguration>((_, configuration) => ThrowIfWrongChoice(typeof(TOptions), configuration.GetSection(section), section))
            .BindConfiguration(section)
            .ValidateOnStart();
    }

    /// <summary>
    /// Binds and checks <paramref name="section"/> now, for a choice made while the services are registered; a wrong
    /// setting throws the <see cref="OptionsValidationException"/> the start check would.
    /// </summary>
    public static TOptions ReadValidated<TOptions>(this IConfiguration configuration, string section)
        where TOptions : class, new()
    {
        ThrowIfWrongChoice(typeof(TOptions), configuration.GetSection(section), section);
        var options = configuration.GetSection(section).Get<TOptions>() ?? new TOptions();
        var result = new SectionAnnotationsValidator<TOptions>(section).Validate(Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), result.Failures) : options;
    }

    /// <summary>An enumeration setting must name one of its values: <c>Database:Provider must be Sqlite, SqlServer or PostgreSql, not 'Oracle'</c>.</summary>
    private static void ThrowIfWrongChoice(Type type, IConfigurationSection section, string path)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var key = $"{path}:{property.Name}";
            if (propertyType.IsEnum && section[property.Name] is { Length: > 0 } text
                && !(Enum.TryParse(propertyType, text, ignoreCase: true, out var value) && Enum.IsDefined(propertyType, value!)))
            {
                var names = Enum.GetNames(propertyType);
                var choices = names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
                throw new OptionsValidationException(path, type, [$"{key} must be {choices}, not '{text}'."]);
            }

            if (propertyType.IsClass && propertyType != typeof(string) && propertyType.Assembly == type.Assembly)
            {
                ThrowIfWrongChoice(propertyType, section.GetSection(property.Name), key);
            }
        }
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
