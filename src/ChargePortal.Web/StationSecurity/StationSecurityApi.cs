using System.Security.Claims;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.StationSecurity;

/// <summary>Station security: credentials, security profiles, security events and certificates (DESIGN.md "Station security").</summary>
public static class StationSecurityApi
{
    public static IServiceCollection AddStationSecurity(this IServiceCollection services)
    {
        services.AddSingleton<SecurityEventLog>();
        services.AddSingleton<StationPasswords>();
        services.AddSingleton<IStationCallObserver>(sp => sp.GetRequiredService<StationPasswords>());
        services.AddSingleton<StationCredentials>();
        services.AddValidatedOptions<PasswordRotationOptions>(PasswordRotationOptions.Section);
        services.AddSingleton<PasswordRotation>();
        services.AddHostedService<PasswordRotationService>();
        services.AddValidatedOptions<Certificates.StationCaOptions>(Certificates.StationCaOptions.Section);
        services.AddSingleton<Certificates.StationCertificateAuthority>();
        services.AddSingleton<Certificates.StationCertificateStore>();
        services.AddSingleton<Certificates.StationCertificateSigning>();
        services.AddSingleton<Certificates.StationCertificateInventory>();
        services.AddSingleton<Certificates.CertificateExpiryAlerts>();
        services.AddHostedService<Certificates.CertificateExpiryService>();
        services.AddSingleton<Ocpp.Connections.IStationFrameTap>(sp => sp.GetRequiredService<Certificates.StationCertificateSigning>());

        // A station's client certificate is judged by the StationAuthenticator against the OCPP CA and its CRL, not by the
        // machine's trust store: TLS lets any certificate through and the handshake answers 401 with the reason.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            https.ClientCertificateValidation ??= (_, _, _) => true));
        return services;
    }

    public static IEndpointRouteBuilder MapStationSecurityApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("/stations", "Station security");
        api.MapGet("/{id}/security-events", ListSecurityEventsAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("The security events the station reported (SecurityEventNotification), newest first. Operators and admins.");
        api.MapGet("/{id}/credentials", GetCredentialsAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("The station's security profile and whether it has a password (never the password). Operators and admins.");
        Certificates.StationCertificatesApi.MapStationCertificatesApi(endpoints);
        return endpoints;
    }

    /// <summary>
    /// The security fields of PATCH /api/stations/{id} (StationPatchApi takes the whole body and hands these here).
    /// </summary>
    public static async Task<Results<Ok<StationCredentialsDto>, ProblemHttpResult>> PatchAsync(
        string id, StationCredentialsPatch? patch, ClaimsPrincipal user, StationCredentials credentials, CancellationToken ct)
    {
        if (patch is null || patch.IsEmpty)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad request",
                "A JSON body with any of \"password\", \"generatePassword\", \"securityProfile\", \"allowUnsecured\" is required.");
        }

        var actor = new CommandActor(user.Identity?.Name ?? "api", user.FindFirstValue(ClaimTypes.NameIdentifier));
        var result = await credentials.ApplyAsync(id, patch, actor, ct);
        return result.Failure switch
        {
            null => TypedResults.Ok(result.Credentials!),
            CredentialsFailure.UnknownStation => ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown station", result.Detail!),
            CredentialsFailure.Invalid => ApiConventions.Problem(StatusCodes.Status400BadRequest, "Invalid credentials", result.Detail!),
            CredentialsFailure.Offline => ApiConventions.Problem(StatusCodes.Status409Conflict, "Station offline", result.Detail!),
            CredentialsFailure.Timeout => ApiConventions.Problem(StatusCodes.Status504GatewayTimeout, "No answer in time", result.Detail!),
            _ => ApiConventions.Problem(StatusCodes.Status502BadGateway, "Station error", result.Detail!),
        };
    }

    private static async Task<Results<Ok<StationCredentialsDto>, ProblemHttpResult>> GetCredentialsAsync(string id, StationCredentials credentials, CancellationToken ct) =>
        await credentials.GetAsync(id, ct) is { } found
            ? TypedResults.Ok(found)
            : ApiConventions.UnknownStation(id);

    private static async Task<Results<Ok<IReadOnlyList<SecurityEventDto>>, ProblemHttpResult>> ListSecurityEventsAsync(
        string id, DateTimeOffset? from, DateTimeOffset? to, int? take, SecurityEventLog log, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        if (take is < 1 or > 1000)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad request", "take must be between 1 and 1000.");
        }

        if (await ApiConventions.UnlessStationExistsAsync(dbFactory, id, ct) is { } unknown)
        {
            return unknown;
        }

        return TypedResults.Ok(await log.ListAsync(id, from, to, take ?? 1000, ct));
    }
}
