using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V201;

/// <summary>Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers.</summary>
public sealed record IdToken
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public IReadOnlyList<AdditionalInfo>? AdditionalInfo { get; init; }

    /// <summary>IdToken is case insensitive. Might hold the hidden id of an RFID tag, but can for example also contain a UUID.</summary>
    [JsonPropertyName("idToken")]
    public required string Value { get; init; }

    /// <summary>Enumeration of possible idToken types.</summary>
    public required IdTokenEnum Type { get; init; }
}
