using System.Security.Claims;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.StationSecurity.Certificates;

/// <summary>The body of <c>POST /api/stations/{id}/certificates</c>: a root certificate to install.</summary>
public sealed record InstallCertificateBody(string? CertificateType, string? Certificate);

/// <summary>
/// <c>/api/stations/{id}/certificates</c> (DESIGN.md "Station security"): the inventory, renewal, refresh from the
/// station, install and delete. Operators and admins only; every operation that reaches the station is audited.
/// </summary>
public static class StationCertificatesApi
{
    public static IEndpointRouteBuilder MapStationCertificatesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("/stations", "Station certificates");
        api.MapGet("/{id}/certificates", ListAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("Certificates the station reported installed or the CSMS issued to it: type, subject, issuer, serial, notBefore, notAfter, hashData. Operators and admins.");
        api.MapPost("/{id}/certificates/renew", RenewAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("Ask the station for a new CSR (2.0.1 TriggerMessage SignChargingStationCertificate, 1.6 ExtendedTriggerMessage SignChargePointCertificate); the CSMS's CA signs it. Operators and admins.");
        api.MapPost("/{id}/certificates/refresh", RefreshAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("Ask the station for its installed certificates (GetInstalledCertificateIds) and return the updated list. Operators and admins.");
        api.MapPost("/{id}/certificates", InstallAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("Install a root certificate on the station (InstallCertificate): {\"certificateType\": \"CSMSRootCertificate\"|\"ManufacturerRootCertificate\"|\"V2GRootCertificate\"|\"MORootCertificate\", \"certificate\": \"PEM\"}. Operators and admins.");
        api.MapDelete("/{id}/certificates/{certificateId:long}", DeleteAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("Delete a listed installed certificate from the station (DeleteCertificate with its hash data). Operators and admins.");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<StationCertificateDto>>, ProblemHttpResult>> ListAsync(
        string id, StationCertificateStore store, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct) =>
        await ApiConventions.UnlessStationExistsAsync(dbFactory, id, ct) is { } unknown ? unknown : TypedResults.Ok(await store.ListAsync(id, ct));

    private static async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult>> RenewAsync(
        string id, ClaimsPrincipal user, StationCertificateInventory inventory, CancellationToken ct) =>
        Answer(await inventory.RenewAsync(id, Actor(user), ct));

    private static async Task<Results<Ok<IReadOnlyList<StationCertificateDto>>, ProblemHttpResult>> RefreshAsync(
        string id, ClaimsPrincipal user, StationCertificateInventory inventory, CancellationToken ct)
    {
        var result = await inventory.RefreshAsync(id, Actor(user), ct);
        return result.Error is { } error ? Problem(error) : TypedResults.Ok(result.Certificates!);
    }

    private static async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult>> InstallAsync(
        string id, InstallCertificateBody? body, ClaimsPrincipal user, StationCertificateInventory inventory, CancellationToken ct)
    {
        // Parsed exactly as the install-certificate command is, so both give the same errors.
        var json = System.Text.Json.JsonSerializer.SerializeToElement(new { certificateType = body?.CertificateType, certificate = body?.Certificate });
        InstallCertificateArguments arguments;
        try
        {
            arguments = (InstallCertificateArguments)StationCommandParser.Parse(StationCommandName.InstallCertificate, Present(json));
        }
        catch (StationCommandArgumentException ex)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad arguments", ex.Message);
        }

        return Answer(await inventory.InstallAsync(id, arguments.Kind, arguments.Certificate, Actor(user), ct));
    }

    private static async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult>> DeleteAsync(
        string id, long certificateId, ClaimsPrincipal user, StationCertificateInventory inventory, CancellationToken ct) =>
        await inventory.DeleteAsync(id, certificateId, Actor(user), ct) is { } result
            ? Answer(result)
            : ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown certificate",
                $"Station '{id}' has no listed installed certificate {certificateId} (see GET /api/stations/{id}/certificates).");

    /// <summary>The body without its null members, so a missing field reads as missing.</summary>
    private static System.Text.Json.JsonElement Present(System.Text.Json.JsonElement json)
    {
        var present = new System.Text.Json.Nodes.JsonObject();
        foreach (var property in json.EnumerateObject().Where(p => p.Value.ValueKind != System.Text.Json.JsonValueKind.Null))
        {
            present[property.Name] = System.Text.Json.Nodes.JsonNode.Parse(property.Value.GetRawText());
        }

        return System.Text.Json.JsonSerializer.SerializeToElement(present);
    }

    private static Results<Ok<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult> Answer(CertificateOperationResult result) =>
        result.Error is { } error ? Problem(error) : TypedResults.Ok(result.Answer!.Details);

    private static ProblemHttpResult Problem(CommandError error) => error.Kind switch
    {
        CommandFailure.UnknownStation => ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown station", error.Detail),
        CommandFailure.Offline => ApiConventions.Problem(StatusCodes.Status409Conflict, "Station offline", error.Detail),
        CommandFailure.NotAccepted => ApiConventions.Problem(StatusCodes.Status409Conflict, "Station not accepted", error.Detail),
        CommandFailure.BadArguments => ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad arguments", error.Detail),
        CommandFailure.Timeout => ApiConventions.Problem(StatusCodes.Status504GatewayTimeout, "No answer in time", error.Detail),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: $"Station error: {error.OcppErrorCode}", detail: error.Detail,
            extensions: new Dictionary<string, object?> { ["ocppErrorCode"] = error.OcppErrorCode, ["ocppErrorDescription"] = error.OcppErrorDescription }),
    };

    private static CommandActor Actor(ClaimsPrincipal user) => new(user.Identity?.Name ?? "api", user.FindFirstValue(ClaimTypes.NameIdentifier));
}
