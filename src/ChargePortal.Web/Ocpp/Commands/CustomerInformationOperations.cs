using System.Text.Json.Nodes;

namespace ChargePortal.Web.Ocpp.Commands;

// Customer information (2.0.1 N09 get, N10 clear). 1.6 has no such message; its adapter refuses it.

/// <summary>2.0.1 IdTokenEnumType: how a station reads the token value.</summary>
public enum CustomerTokenType
{
    Central,
    /// <summary>Written "eMAID" on the wire and in the API.</summary>
    EMAID,
    ISO14443,
    ISO15693,
    KeyCode,
    Local,
    MacAddress,
    NoAuthorization,
}

/// <summary>
/// The one customer a CustomerInformation request is about (N09.FR.04, N10.FR.08: exactly one of idToken,
/// customerCertificate or customerIdentifier).
/// </summary>
public abstract record CustomerReference
{
    /// <summary>How the customer is named in the portal and the audit log (never the certificate's hashes in full).</summary>
    public abstract string Describe();
}

/// <summary>A vendor-specific customer identifier (max 64 characters).</summary>
public sealed record CustomerIdentifierReference(string Identifier) : CustomerReference
{
    public const int MaxLength = 64;

    public override string Describe() => $"customer {Identifier}";
}

/// <summary>An id token, e.g. the driver's RFID card.</summary>
public sealed record CustomerTokenReference(string IdToken, CustomerTokenType Type) : CustomerReference
{
    public override string Describe() => $"token {IdToken} ({Type})";
}

/// <summary>A customer's contract certificate, by its hash data (N09.FR.08: hashed as it was installed).</summary>
public sealed record CustomerCertificateReference(CertificateHash Hash) : CustomerReference
{
    public override string Describe() => $"certificate serial {Hash.SerialNumber}";
}

/// <summary>
/// CustomerInformation: report (N09) and/or clear (N10) what the station holds about <see cref="Customer"/>. The data
/// arrives as NotifyCustomerInformation parts carrying the answer's <see cref="CustomerInformationAnswer.RequestId"/>.
/// </summary>
public sealed record CustomerInformationArguments(bool Report, bool Clear, CustomerReference Customer) : StationOperation<CustomerInformationAnswer>
{
    public override StationCommandName Command => StationCommandName.CustomerInformation;

    internal override StationAnswer ReadAnswer(JsonObject details, StationCommandContext context)
    {
        var answer = StationAnswer.From(details);
        details["requestId"] = context.RequestId;
        var outcome = Enum.TryParse<CustomerInformationStatus>(answer.StatusText, ignoreCase: false, out var parsed) && parsed != CustomerInformationStatus.Other
            ? parsed
            : CustomerInformationStatus.Other;
        return new CustomerInformationAnswer(answer.Status, answer.StatusText, details, outcome, context.RequestId);
    }
}

/// <summary>2.0.1 CustomerInformationStatusEnumType.</summary>
public enum CustomerInformationStatus
{
    Accepted,
    Rejected,

    /// <summary>The request named no customer or more than one (N09.FR.09).</summary>
    Invalid,
    Other,
}

public sealed record CustomerInformationAnswer(CommandStatus Status, string StatusText, JsonObject Details, CustomerInformationStatus Outcome, int RequestId)
    : StationAnswer(Status, StatusText, Details)
{
    public string Explanation => Outcome switch
    {
        CustomerInformationStatus.Accepted => "The station accepted the request; its report arrives as NotifyCustomerInformation parts.",
        CustomerInformationStatus.Rejected => "The station cannot process the request now.",
        CustomerInformationStatus.Invalid => "The station found the customer reference invalid.",
        _ => $"The station answered {StatusText}.",
    };
}
