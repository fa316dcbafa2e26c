using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.DeviceModel;

/// <summary>
/// One variable of a station's device model (OCPP 2.0.1 part 1): a component (name, instance, EVSE, connector) and a
/// variable (name, instance) with the attributes and characteristics the station reported. 1.6 configuration keys are
/// stored as variables of the component <see cref="V16Component"/>.
/// </summary>
public sealed class DeviceModelVariable
{
    /// <summary>The component 1.6 configuration keys are stored under.</summary>
    public const string V16Component = "OCPP16";

    public long Id { get; set; }
    public required string StationId { get; set; }
    public required string ComponentName { get; set; }
    public string? ComponentInstance { get; set; }
    public int? EvseId { get; set; }
    public int? ConnectorId { get; set; }
    public required string VariableName { get; set; }
    public string? VariableInstance { get; set; }

    /// <summary>Component and variable addressing in one string: the unique key per station (nullable columns cannot be).</summary>
    public required string Key { get; set; }

    public List<DeviceModelAttribute> Attributes { get; set; } = [];

    /// <summary>Characteristics; null until the station reported them (GetVariables answers carry none).</summary>
    public string? DataType { get; set; }
    public string? Unit { get; set; }
    public decimal? MinLimit { get; set; }
    public decimal? MaxLimit { get; set; }
    public string? ValuesList { get; set; }
    public bool? SupportsMonitoring { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static string KeyFor(VariableAddress a) =>
        string.Join('|', a.Component, a.ComponentInstance ?? "", a.EvseId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            a.ConnectorId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", a.Variable, a.VariableInstance ?? "");

    /// <summary>The attribute of <paramref name="type"/>, added when missing.</summary>
    public DeviceModelAttribute Attribute(string type)
    {
        var attribute = Attributes.FirstOrDefault(a => a.Type == type);
        if (attribute is null)
        {
            attribute = new DeviceModelAttribute { Type = type };
            Attributes.Add(attribute);
            Attributes.Sort((x, y) => AttributeOrder(x.Type).CompareTo(AttributeOrder(y.Type)));
        }

        return attribute;
    }

    private static int AttributeOrder(string type) => Array.IndexOf(AttributeTypes.All, type) is var i and >= 0 ? i : int.MaxValue;
}

/// <summary>One attribute (Actual, Target, MinSet, MaxSet) of a variable.</summary>
public sealed class DeviceModelAttribute
{
    public required string Type { get; set; }
    public string? Value { get; set; }
    public string? Mutability { get; set; }
    public bool? Persistent { get; set; }
    public bool? Constant { get; set; }
}

public static class AttributeTypes
{
    public const string Actual = "Actual";
    public static readonly string[] All = [Actual, "Target", "MinSet", "MaxSet"];
}

internal sealed class DeviceModelVariableConfiguration : IEntityTypeConfiguration<DeviceModelVariable>
{
    public void Configure(EntityTypeBuilder<DeviceModelVariable> b)
    {
        b.Property(v => v.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(v => v.ComponentName).HasMaxLength(50);
        b.Property(v => v.ComponentInstance).HasMaxLength(50);
        b.Property(v => v.VariableName).HasMaxLength(50);
        b.Property(v => v.VariableInstance).HasMaxLength(50);
        b.Property(v => v.Key).HasMaxLength(240);
        b.Property(v => v.DataType).HasMaxLength(20);
        b.Property(v => v.Unit).HasMaxLength(16);
        b.Property(v => v.ValuesList).HasMaxLength(1000);
        b.Property(v => v.MinLimit).HasPrecision(18, 6);
        b.Property(v => v.MaxLimit).HasPrecision(18, 6);
        b.HasIndex(v => new { v.StationId, v.Key }).IsUnique();
        b.HasOne<Station>().WithMany().HasForeignKey(v => v.StationId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsMany(v => v.Attributes, a =>
        {
            a.ToJson();
            a.Property(x => x.Type).HasMaxLength(8);
            a.Property(x => x.Mutability).HasMaxLength(10);
        });
    }
}
