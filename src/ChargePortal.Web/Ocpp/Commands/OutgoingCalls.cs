using System.Text.Json;
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
}
