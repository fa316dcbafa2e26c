using System.Globalization;
using System.Security.Claims;
using System.Text;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Hosting;

namespace ChargePortal.Web.Transactions.Signing;

/// <summary>
/// Signed meter values (Eichrecht): stored with their samples by the meter value writer, the meters' public keys per
/// station, and each session's transparency file for the S.A.F.E. transparency software, from the portal (cookie
/// sign-in, linked from the receipt) and the HTTP API (API key). Both answer 404 to anyone who may not see the session.
/// </summary>
public static class SignedMeterValuesSetup
{
    /// <summary>The portal's download, linked from the receipt and the session detail pages.</summary>
    public static string PortalPath(long sessionId) => $"/portal/sessions/{sessionId.ToString(CultureInfo.InvariantCulture)}/signed-meter-values.xml";

    public static IServiceCollection AddSignedMeterValues(this IServiceCollection services) =>
        services.AddSingleton<StationMeterKeys>().AddSingleton<SessionSignedReadings>();

    public static IEndpointRouteBuilder MapSignedMeterValues(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/portal/sessions/{id:long}/signed-meter-values.xml", DownloadAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Portal")
            .WithSummary("The session's transparency file (S.A.F.E. XML with the signed meter values and public keys): its driver, staff, its site's owner.");
        endpoints.MapApiGroup("/transactions", "Transactions")
            .MapGet("/{id:long}/signed-meter-values", DownloadAsync)
            .WithSummary("The session's transparency file (S.A.F.E. XML: signed meter values and the meter's public key per reading) for its driver, operators and its site's owner; 404 otherwise or when nothing was signed.");
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(long id, ClaimsPrincipal user, SessionSignedReadings readings, CancellationToken ct) =>
        await readings.DownloadAsync(user, id, ct) is { } file
            ? Results.File(Encoding.UTF8.GetBytes(file.Xml), TransparencyFile.ContentType, file.FileName)
            : ApiConventions.Problem(StatusCodes.Status404NotFound, "No signed meter values",
                $"There is no session {id.ToString(CultureInfo.InvariantCulture)} with signed meter values that you may see.");
}
