using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace ChargePortal.Web.Ocpp;

/// <summary>An OCPP enum value as it is spelled on the wire (e.g. <c>Energy.Active.Import.Register</c>).</summary>
public static class OcppEnumText
{
    private static readonly ConcurrentDictionary<Type, FrozenDictionary<string, string>> Names = new();

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var names = Names.GetOrAdd(typeof(TEnum), static type => type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToFrozenDictionary(f => f.Name, f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name));
        var name = value.ToString();
        return names.GetValueOrDefault(name, name);
    }

    public static string? Of<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Of(v) : null;
}
