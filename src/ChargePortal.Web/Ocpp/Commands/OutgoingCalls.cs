using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Validation;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>Serializes a typed request through the action catalog and checks it against the OCA schema.</summary>
internal static class OutgoingCalls
{
    /// <summary>
    /// Builds the call. A schema failure here means the user's values break a limit the neutral parser cannot know
    /// (e.g. a 25-character idTag for 1.6), so it is reported as bad arguments with the schema's own description.
    /// </summary>
    public static OcppOutgoingCall Create<TRequest>(OcppVersion version, string action, TRequest request)
        where TRequest : class
    {
        var descriptor = OcppActionCatalog.For(version).Get(action);
        if (descriptor.RequestType != typeof(TRequest))
        {
            throw new InvalidOperationException($"{typeof(TRequest).Name} is not the request type of OCPP {version.DisplayName()} {action}.");
        }

        var payload = JsonSerializer.SerializeToElement(request, descriptor.RequestTypeInfo);
        var validation = OcppSchemaValidator.Validate(version, action, OcppMessageKind.Request, payload);
        return validation.IsValid
            ? new OcppOutgoingCall(action, payload)
            : throw new StationCommandArgumentException(
                null, $"The arguments do not fit an OCPP {version.DisplayName()} {action} request: {validation.Description}");
    }

    /// <summary>
    /// Reads a user-supplied charging profile as the version's type. It is first checked against the
    /// SetChargingProfile schema in place, because deserializing alone would silently drop misspelt optional fields.
    /// </summary>
    public static T ChargingProfile<T>(OcppVersion version, JsonElement profile, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var (idProperty, profileProperty, typeName) = version == OcppVersion.V16
            ? ("connectorId", "csChargingProfiles", "ChargingProfile")
            : ("evseId", "chargingProfile", "ChargingProfileType");

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber(idProperty, 0);
            writer.WritePropertyName(profileProperty);
            profile.WriteTo(writer);
            writer.WriteEndObject();
        }

        using var request = JsonDocument.Parse(buffer.WrittenMemory);
        var validation = OcppSchemaValidator.Validate(version, "SetChargingProfile", OcppMessageKind.Request, request.RootElement);
        var problem = validation.IsValid ? null : validation.Description;
        if (problem is null)
        {
            try
            {
                return profile.Deserialize(typeInfo) ?? throw new JsonException("null");
            }
            catch (JsonException e)
            {
                problem = e.Message;
            }
        }

        throw new StationCommandArgumentException(
            "profile", $"profile is not a valid OCPP {version.DisplayName()} {typeName}: {problem?.Replace("$." + profileProperty, "$.profile", StringComparison.Ordinal)}");
    }
}
