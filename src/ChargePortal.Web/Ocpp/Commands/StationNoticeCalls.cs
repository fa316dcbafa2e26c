using ChargePortal.Ocpp;
using ChargePortal.Ocpp.V201;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>
/// Display messages (block O) and customer information (N09/N10) as OCPP 2.0.1 calls. OCPP 1.6 has neither, so its
/// adapter refuses them with <see cref="RefuseV16"/>.
/// </summary>
internal static class StationNoticeCalls
{
    public static bool Handles(StationCommandArguments arguments) =>
        arguments is SetDisplayMessageArguments or GetDisplayMessagesArguments or ClearDisplayMessageArguments or CustomerInformationArguments;

    public static OcppOutgoingCall BuildV201(StationCommandArguments arguments, StationCommandContext context) => arguments switch
    {
        SetDisplayMessageArguments a => Call("SetDisplayMessage", new SetDisplayMessageRequest { Message = Info(a.Message) }),
        GetDisplayMessagesArguments a => Call("GetDisplayMessages", new GetDisplayMessagesRequest
        {
            RequestId = context.RequestId,
            Id = a.Ids.Count == 0 ? null : a.Ids,
            Priority = a.Priority is { } priority ? Priority(priority) : null,
            State = a.State is { } state ? State(state) : null,
        }),
        ClearDisplayMessageArguments a => Call("ClearDisplayMessage", new ClearDisplayMessageRequest { Id = a.Id }),
        CustomerInformationArguments a => Call("CustomerInformation", new CustomerInformationRequest
        {
            RequestId = context.RequestId,
            Report = a.Report,
            Clear = a.Clear,
            CustomerIdentifier = (a.Customer as CustomerIdentifierReference)?.Identifier,
            IdToken = a.Customer is CustomerTokenReference token ? new IdToken { Value = token.IdToken, Type = TokenType(token.Type) } : null,
            CustomerCertificate = a.Customer is CustomerCertificateReference certificate
                ? new CertificateHashData
                {
                    HashAlgorithm = Enum.Parse<HashAlgorithmEnum>(certificate.Hash.HashAlgorithm),
                    IssuerNameHash = certificate.Hash.IssuerNameHash,
                    IssuerKeyHash = certificate.Hash.IssuerKeyHash,
                    SerialNumber = certificate.Hash.SerialNumber,
                }
                : null,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(arguments), arguments.GetType().Name, "Not a display-message or customer-information operation."),
    };

    /// <summary>Why a 1.6 station cannot be sent <paramref name="arguments"/> (HTTP 400 on the command route, 409 on the resource routes).</summary>
    public static StationCommandArgumentException RefuseV16(StationCommandArguments arguments) => new(null, arguments is CustomerInformationArguments
        ? "CustomerInformation exists in OCPP 2.0.1 only; an OCPP 1.6 station cannot be asked to report or clear a customer's data."
        : "Display messages exist in OCPP 2.0.1 only; an OCPP 1.6 station does not support them (DataTransfer display messages are vendor-specific and not offered).");

    private static MessageInfo Info(DisplayMessage message) => new()
    {
        Id = message.Id,
        Priority = Priority(message.Priority),
        State = message.State is { } state ? State(state) : null,
        StartDateTime = message.StartsAt,
        EndDateTime = message.EndsAt,
        TransactionId = message.TransactionId,
        Message = new MessageContent
        {
            Format = message.Format switch
            {
                DisplayMessageFormat.ASCII => MessageFormatEnum.ASCII,
                DisplayMessageFormat.HTML => MessageFormatEnum.HTML,
                DisplayMessageFormat.URI => MessageFormatEnum.URI,
                DisplayMessageFormat.UTF8 => MessageFormatEnum.UTF8,
                _ => throw new ArgumentOutOfRangeException(nameof(message), message.Format, null),
            },
            Language = message.Language,
            Content = message.Content,
        },
    };

    private static MessagePriorityEnum Priority(DisplayMessagePriority priority) => priority switch
    {
        DisplayMessagePriority.AlwaysFront => MessagePriorityEnum.AlwaysFront,
        DisplayMessagePriority.InFront => MessagePriorityEnum.InFront,
        DisplayMessagePriority.NormalCycle => MessagePriorityEnum.NormalCycle,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };

    private static MessageStateEnum State(DisplayMessageState state) => state switch
    {
        DisplayMessageState.Charging => MessageStateEnum.Charging,
        DisplayMessageState.Faulted => MessageStateEnum.Faulted,
        DisplayMessageState.Idle => MessageStateEnum.Idle,
        DisplayMessageState.Unavailable => MessageStateEnum.Unavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static IdTokenEnum TokenType(CustomerTokenType type) => type switch
    {
        CustomerTokenType.Central => IdTokenEnum.Central,
        CustomerTokenType.EMAID => IdTokenEnum.EMAID,
        CustomerTokenType.ISO14443 => IdTokenEnum.ISO14443,
        CustomerTokenType.ISO15693 => IdTokenEnum.ISO15693,
        CustomerTokenType.KeyCode => IdTokenEnum.KeyCode,
        CustomerTokenType.Local => IdTokenEnum.Local,
        CustomerTokenType.MacAddress => IdTokenEnum.MacAddress,
        CustomerTokenType.NoAuthorization => IdTokenEnum.NoAuthorization,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static OcppOutgoingCall Call<TRequest>(string action, TRequest request)
        where TRequest : class
        => OutgoingCalls.Create(OcppVersion.V201, action, request);
}
