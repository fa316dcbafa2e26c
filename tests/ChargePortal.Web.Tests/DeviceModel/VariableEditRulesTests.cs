using ChargePortal.Web.DeviceModel;

namespace ChargePortal.Web.Tests.DeviceModel;

public sealed class VariableEditRulesTests
{
    [Theory]
    [InlineData("ReadWrite", false, true)]
    [InlineData("WriteOnly", false, true)]
    [InlineData(null, false, true)]
    [InlineData("ReadOnly", false, false)]
    [InlineData("ReadWrite", true, false)]
    public void Writable_follows_mutability_and_constant(string? mutability, bool constant, bool writable) =>
        VariableEditRules.IsWritable(new DeviceModelAttributeDto("Actual", "1", mutability, false, constant)).ShouldBe(writable);

    [Theory]
    [InlineData("integer", "10", "100", "10", null)]
    [InlineData("integer", "10", "100", "-5", "At least 10.")]
    [InlineData("integer", null, null, "1e3", "\"1e3\" is not a whole number.")]
    [InlineData("decimal", "0", "1.5", "1.25", null)]
    [InlineData("decimal", "0", "1.5", "1,25", "\"1,25\" is not a number (use a dot for decimals).")]
    [InlineData("decimal", "0", "1.5", "2", "At most 1.5.")]
    [InlineData("boolean", null, null, "false", null)]
    [InlineData("boolean", null, null, "False", "\"False\" is not true or false.")]
    [InlineData("dateTime", null, null, "2026-12-07T10:00:00Z", null)]
    [InlineData("dateTime", null, null, "07/12/2026", "\"07/12/2026\" is not an RFC 3339 date and time (e.g. 2026-12-07T10:00:00Z).")]
    [InlineData("string", null, "5", "abcde", null)]
    [InlineData("string", null, "5", "abcdef", "At most 5 characters, this is 6.")]
    public void Values_are_checked_against_data_type_and_limits(string dataType, string? min, string? max, string value, string? error) =>
        VariableEditRules.Validate(value, new DeviceModelCharacteristicsDto(dataType, null, Decimal(min), Decimal(max), null, false)).ShouldBe(error);

    [Theory]
    [InlineData("OptionList", "Central", null)]
    [InlineData("OptionList", "central", "\"central\" is not one of Local, Central, Both.")]
    [InlineData("MemberList", "Both,Local", null)]
    [InlineData("SequenceList", "", null)]
    [InlineData("SequenceList", "Local,Other", "\"Other\" is not one of Local, Central, Both.")]
    [InlineData("MemberList", "Local,Local", "Each value may appear once.")]
    public void List_types_take_only_values_of_their_list(string dataType, string value, string? error) =>
        VariableEditRules.Validate(value, new DeviceModelCharacteristicsDto(dataType, null, null, null, "Local,Central,Both", false)).ShouldBe(error);

    [Fact]
    public void Without_characteristics_only_the_message_limit_applies()
    {
        VariableEditRules.Validate("anything", null).ShouldBeNull();
        VariableEditRules.Validate(new string('x', 1001), null).ShouldBe("At most 1000 characters can be sent, this is 1001.");
    }

    [Fact]
    public void Choices_and_hints_come_from_the_characteristics()
    {
        VariableEditRules.Choices(new DeviceModelCharacteristicsDto("OptionList", null, null, null, "A, B", false)).ShouldBe(["A", "B"]);
        VariableEditRules.Choices(new DeviceModelCharacteristicsDto("integer", null, null, null, null, false)).ShouldBeNull();
        VariableEditRules.Hint(new DeviceModelCharacteristicsDto("decimal", "kW", 0.5m, null, null, false)).ShouldBe("decimal, 0.5–… kW");
        VariableEditRules.Hint(new DeviceModelCharacteristicsDto("MemberList", null, null, null, "A,B", false)).ShouldBe("MemberList, comma-separated from A, B");
    }

    private static decimal? Decimal(string? text) => text is null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
