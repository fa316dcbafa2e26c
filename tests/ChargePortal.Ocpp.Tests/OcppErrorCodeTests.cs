namespace ChargePortal.Ocpp.Tests;

public class OcppErrorCodeTests
{
    [Theory]
    [InlineData(OcppErrorCode.FormationViolation, OcppVersion.V16, "FormationViolation")]
    [InlineData(OcppErrorCode.FormationViolation, OcppVersion.V201, "FormatViolation")]
    [InlineData(OcppErrorCode.OccurrenceConstraintViolation, OcppVersion.V16, "OccurenceConstraintViolation")]
    [InlineData(OcppErrorCode.OccurrenceConstraintViolation, OcppVersion.V201, "OccurrenceConstraintViolation")]
    [InlineData(OcppErrorCode.NotImplemented, OcppVersion.V16, "NotImplemented")]
    [InlineData(OcppErrorCode.NotSupported, OcppVersion.V201, "NotSupported")]
    [InlineData(OcppErrorCode.TypeConstraintViolation, OcppVersion.V16, "TypeConstraintViolation")]
    [InlineData(OcppErrorCode.PropertyConstraintViolation, OcppVersion.V201, "PropertyConstraintViolation")]
    [InlineData(OcppErrorCode.MessageTypeNotSupported, OcppVersion.V201, "MessageTypeNotSupported")]
    [InlineData(OcppErrorCode.RpcFrameworkError, OcppVersion.V201, "RpcFrameworkError")]
    [InlineData(OcppErrorCode.MessageTypeNotSupported, OcppVersion.V16, "ProtocolError")]
    [InlineData(OcppErrorCode.RpcFrameworkError, OcppVersion.V16, "FormationViolation")]
    public void Wire_names_follow_each_version_spelling(OcppErrorCode code, OcppVersion version, string expected)
        => code.ToWireName(version).ShouldBe(expected);

    [Fact]
    public void Every_code_round_trips_through_its_wire_name_in_2_0_1()
    {
        foreach (var code in Enum.GetValues<OcppErrorCode>())
        {
            OcppErrorCodes.ParseWireName(code.ToWireName(OcppVersion.V201)).ShouldBe(code);
        }
    }

    [Theory]
    [InlineData("OccurenceConstraintViolation", OcppErrorCode.OccurrenceConstraintViolation)]
    [InlineData("FormatViolation", OcppErrorCode.FormationViolation)]
    [InlineData("FormationViolation", OcppErrorCode.FormationViolation)]
    [InlineData("SecurityError", OcppErrorCode.SecurityError)]
    public void Parses_both_spellings(string wire, OcppErrorCode expected)
    {
        OcppErrorCodes.TryParseWireName(wire, out var code).ShouldBeTrue();
        code.ShouldBe(expected);
    }

    [Fact]
    public void Unknown_wire_name_is_not_parsed_and_falls_back_to_GenericError()
    {
        OcppErrorCodes.TryParseWireName("Bogus", out _).ShouldBeFalse();
        OcppErrorCodes.ParseWireName("Bogus").ShouldBe(OcppErrorCode.GenericError);
    }
}
