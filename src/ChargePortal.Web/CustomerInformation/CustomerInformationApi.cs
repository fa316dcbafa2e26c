using System.Security.Claims;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.DisplayMessages;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChargePortal.Web.CustomerInformation;

public sealed record CustomerReferenceDto(string Kind, string Value, string? Detail);

public sealed record CustomerInformationPartDto(int SeqNo, bool Tbc, DateTimeOffset GeneratedAt, string Data);

/// <summary>One request of <c>GET /api/stations/{id}/customer-information</c> with its assembled report.</summary>
public sealed record CustomerInformationDto(
    int RequestId, bool? Report, bool? Clear, CustomerReferenceDto? Customer, string? Status, DateTimeOffset? AnsweredAt,
    bool Complete, string Data, IReadOnlyList<CustomerInformationPartDto> Parts)
{
    public static CustomerInformationDto From(CustomerInformationReport report) => new(
        report.RequestId,
        report.Request?.Report,
        report.Request?.Clear,
        report.Request is { } r ? new CustomerReferenceDto(r.CustomerKind, r.Customer, r.CustomerDetail) : null,
        report.Request?.Status,
        report.Request?.AnsweredAt,
        report.Complete,
        report.Data,
        [.. report.Parts.Select(p => new CustomerInformationPartDto(p.SeqNo, p.Tbc, p.GeneratedAt, p.Data))]);
}

public sealed record CustomerInformationAnswerDto(string Status, string Detail, int RequestId);

/// <summary>One queued clear of a deleted driver's token on a station (<c>GET /api/customer-data-clearances</c>).</summary>
public sealed record CustomerDataClearanceDto(
    long Id, string StationId, string IdToken, string IdTokenType, string Reason, DateTimeOffset CreatedAt, int Attempts,
    DateTimeOffset? LastAttemptAt, string? LastOutcome, int? RequestId, string State);

/// <summary>Customer information of 2.0.1 stations (N09/N10; DESIGN.md "Customer information"). Operators and admins only.</summary>
public static class CustomerInformationApi
{
    public static IServiceCollection AddCustomerInformation(this IServiceCollection services)
    {
        services.AddSingleton<CustomerInformationLedger>();
        services.AddHostedService(sp => sp.GetRequiredService<CustomerInformationLedger>());
        services.AddSingleton<IStationFrameTap>(sp => sp.GetRequiredService<CustomerInformationLedger>());
        services.AddSingleton<CustomerInformationService>();
        services.AddSingleton<CustomerDataClearances>();
        services.AddHostedService(sp => sp.GetRequiredService<CustomerDataClearances>());
        services.AddHostedService<CustomerDataClearanceWakeUps>();
        return services;
    }

    public static IEndpointRouteBuilder MapCustomerInformationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("/stations", "Customer information");
        api.MapPost("/{id}/customer-information", RequestAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("Ask the station to report and/or clear what it holds about one customer (CustomerInformation); the report arrives as NotifyCustomerInformation parts.");
        api.MapGet("/{id}/customer-information", ListAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("The station's customer-information requests, newest first, each with its parts assembled.");
        api.MapGet("/{id}/customer-information/{requestId:int}", GetAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("One customer-information request with its parts assembled.");
        endpoints.MapApiGroup("/customer-data-clearances", "Customer information")
            .MapGet("/", ClearancesAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("Clears of deleted drivers' tokens sent (or waiting to be sent) to the stations that saw them; ?stationId=&pending=true filter.");
        return endpoints;
    }

    private static async Task<Results<Ok<CustomerInformationAnswerDto>, ProblemHttpResult>> RequestAsync(
        string id, HttpRequest request, ClaimsPrincipal user, CustomerInformationService customers, CancellationToken ct)
    {
        var body = await DisplayMessagesApi.ReadBodyAsync(request, ct);
        if (body.Error is { } bad)
        {
            return bad;
        }

        CustomerInformationArguments arguments;
        try
        {
            arguments = StationNoticeParser.CustomerInformation(StationCommandName.CustomerInformation, body.Value);
        }
        catch (StationCommandArgumentException ex)
        {
            return (await customers.CheckAsync(id, user, ct)).Error is { } refused
                ? DisplayMessagesApi.Problem(refused)
                : ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad customer-information request", ex.Message);
        }

        var result = await customers.RequestAsync(id, arguments, user, DisplayMessagesApi.Actor(user), ct);
        return result.Error is { } error
            ? DisplayMessagesApi.Problem(error)
            : TypedResults.Ok(new CustomerInformationAnswerDto(result.Answer!.StatusText, result.Answer.Explanation, result.Answer.RequestId));
    }

    private static async Task<Results<Ok<IReadOnlyList<CustomerInformationDto>>, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal user, CustomerInformationService customers, CancellationToken ct)
    {
        if ((await customers.CheckAsync(id, user, ct)).Error is { } refused)
        {
            return DisplayMessagesApi.Problem(refused);
        }

        return TypedResults.Ok<IReadOnlyList<CustomerInformationDto>>([.. (await customers.ListAsync(id, ct)).Select(CustomerInformationDto.From)]);
    }

    private static async Task<Results<Ok<CustomerInformationDto>, ProblemHttpResult>> GetAsync(
        string id, int requestId, ClaimsPrincipal user, CustomerInformationService customers, CancellationToken ct)
    {
        if ((await customers.CheckAsync(id, user, ct)).Error is { } refused)
        {
            return DisplayMessagesApi.Problem(refused);
        }

        return await customers.FindAsync(id, requestId, ct) is { } report
            ? TypedResults.Ok(CustomerInformationDto.From(report))
            : ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown request", $"Station '{id}' has no customer-information request {requestId}.");
    }

    private static async Task<Ok<IReadOnlyList<CustomerDataClearanceDto>>> ClearancesAsync(
        string? stationId, bool? pending, CustomerDataClearances clearances, CancellationToken ct)
        => TypedResults.Ok<IReadOnlyList<CustomerDataClearanceDto>>([.. (await clearances.ListAsync(stationId, pending == true, ct)).Select(c => new CustomerDataClearanceDto(
            c.Id, c.StationId, c.IdToken, c.IdTokenType, c.Reason, c.CreatedAt, c.Attempts, c.LastAttemptAt, c.LastOutcome, c.RequestId,
            c.CompletedAt is null ? "Pending" : c.GaveUp ? "GaveUp" : "Accepted"))]);
}
