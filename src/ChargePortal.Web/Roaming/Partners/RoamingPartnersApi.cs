using ChargePortal.Web.Accounts;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Ocpi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChargePortal.Web.Roaming.Partners;

public sealed record CreatePartnerRequest(string? Name, string? CountryCode, string? PartyId, string? Role);

/// <summary>201 body: the partner's id, its token A and our versions URL, shown once.</summary>
public sealed record CreatePartnerResponse(int Id, string TokenA, string VersionsUrl);

/// <summary>CPO-initiated registration: the versions URL and token A the partner handed over.</summary>
public sealed record RegisterWithPartnerRequest(string? VersionsUrl, string? Token);

public sealed record PublishedSitesRequest(bool? PublishAllSites, IReadOnlyList<int>? SiteIds);

/// <summary><c>/api/roaming/partners</c>: roaming partners for operators and automation (DESIGN.md "Roaming").</summary>
public static class RoamingPartnersApi
{
    public static IEndpointRouteBuilder MapRoamingPartnersApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("/roaming/partners", "Roaming").RequireAuthorization(Policies.Operator);
        api.MapPost("/", CreateAsync).WithSummary("Register a partner: 201 with its token A (shown once) and our versions URL.");
        api.MapGet("/", ListAsync).WithSummary("Every partner with its handshake state, endpoints and module activity.");
        api.MapGet("/{id:int}", GetAsync).WithSummary("One partner.");
        api.MapPost("/{id:int}/register", RegisterAsync).WithSummary("CPO-initiated handshake with the versions URL and token A the partner gave.");
        api.MapPost("/{id:int}/credentials", UpdateCredentialsAsync).WithSummary("New credentials for a registered partner (PUT on its credentials endpoint).");
        api.MapPost("/{id:int}/suspend", (int id, RoamingPartners partners, CancellationToken ct) => SuspendAsync(id, true, partners, ct));
        api.MapPost("/{id:int}/resume", (int id, RoamingPartners partners, CancellationToken ct) => SuspendAsync(id, false, partners, ct));
        api.MapPut("/{id:int}/sites", SitesAsync).WithSummary("Which sites the partner sees: all, or the listed ones.");
        api.MapDelete("/{id:int}", UnregisterAsync).WithSummary("Unregister: tells the partner (DELETE credentials) and ends the connection.");
        return endpoints;
    }

    private static async Task<Results<Created<CreatePartnerResponse>, ProblemHttpResult>> CreateAsync(
        CreatePartnerRequest? request, RoamingPartners partners, OcpiUrls urls, HttpRequest http, CancellationToken ct)
    {
        if (RoamingPartners.Validate(request?.Name, request?.CountryCode, request?.PartyId) is { } invalid)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Invalid partner", invalid);
        }

        if (!Enum.TryParse<RoamingRole>(request!.Role ?? "EMSP", ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Invalid partner", "role must be EMSP, HUB, NSP or OTHER.");
        }

        var created = await partners.CreateAsync(request.Name!, request.CountryCode!, request.PartyId!, role, ct);
        return TypedResults.Created($"/api/roaming/partners/{created.Id}", new CreatePartnerResponse(created.Id, created.TokenA, urls.Versions(http)));
    }

    private static async Task<Ok<List<PartnerView>>> ListAsync(RoamingPartners partners, CancellationToken ct) =>
        TypedResults.Ok(await partners.ListAsync(ct));

    private static async Task<Results<Ok<PartnerView>, NotFound>> GetAsync(int id, RoamingPartners partners, CancellationToken ct) =>
        (await partners.ListAsync(ct, id)).FirstOrDefault() is { } partner ? TypedResults.Ok(partner) : TypedResults.NotFound();

    private static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> RegisterAsync(int id, RegisterWithPartnerRequest? request,
        RoamingPartners partners, CredentialsHandshake handshake, OcpiUrls urls, HttpRequest http, CancellationToken ct)
    {
        var invalid = new OcpiChecks().AbsoluteUrl("versionsUrl", request?.VersionsUrl).Required("token", request?.Token, OcpiTokens.MaxLength).Error;
        if (invalid is not null)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Invalid registration", invalid);
        }

        if ((await partners.ListAsync(ct, id)).FirstOrDefault() is not { } partner)
        {
            return ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown partner", $"No roaming partner {id}.");
        }

        if (partner.Status != RoamingPartnerStatus.Pending)
        {
            return ApiConventions.Problem(StatusCodes.Status409Conflict, "Not pending", $"Partner {id} is {partner.Status}; register a new partner to connect again.");
        }

        var failure = await handshake.RegisterWithAsync(id, request!.VersionsUrl!, request.Token!, urls.Versions(http), ct);
        return failure is not null
            ? ApiConventions.Problem(StatusCodes.Status502BadGateway, "Handshake failed", $"OCPI {failure.OcpiStatus}: {failure.Message}")
            : TypedResults.Ok((await partners.ListAsync(ct, id))[0]);
    }

    private static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> UpdateCredentialsAsync(int id, RoamingPartners partners,
        CredentialsHandshake handshake, OcpiUrls urls, HttpRequest http, CancellationToken ct)
    {
        if ((await partners.ListAsync(ct, id)).Count == 0)
        {
            return ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown partner", $"No roaming partner {id}.");
        }

        var failure = await handshake.UpdateAsync(id, urls.Versions(http), ct);
        return failure is not null
            ? ApiConventions.Problem(StatusCodes.Status502BadGateway, "Update failed", $"OCPI {failure.OcpiStatus}: {failure.Message}")
            : TypedResults.Ok((await partners.ListAsync(ct, id))[0]);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SuspendAsync(int id, bool suspend, RoamingPartners partners, CancellationToken ct) =>
        await partners.SetSuspendedAsync(id, suspend, ct)
            ? TypedResults.NoContent()
            : ApiConventions.Problem(StatusCodes.Status409Conflict, "Not possible", suspend ? $"Partner {id} is not registered." : $"Partner {id} is not suspended.");

    private static async Task<Results<NoContent, ProblemHttpResult>> SitesAsync(int id, PublishedSitesRequest? request, RoamingPartners partners, CancellationToken ct)
    {
        if (request?.PublishAllSites is null)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Invalid sites", "publishAllSites is required; siteIds lists the sites when it is false.");
        }

        var error = await partners.SetPublishedSitesAsync(id, request.PublishAllSites.Value, request.SiteIds ?? [], ct);
        return error is null ? TypedResults.NoContent() : ApiConventions.Problem(StatusCodes.Status400BadRequest, "Invalid sites", error);
    }

    private static async Task<Results<Ok<UnregisterResult>, NotFound>> UnregisterAsync(int id, RoamingPartners partners, CredentialsHandshake handshake, CancellationToken ct)
    {
        if ((await partners.ListAsync(ct, id)).Count == 0)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new UnregisterResult(await handshake.UnregisterAsync(id, ct)));
    }
}

/// <summary>Unregistered; a warning when the partner could not be told.</summary>
public sealed record UnregisterResult(string? Warning);
