using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Tokens;

public sealed record TokenDto(string IdTag, IdTokenStatus Status, DateTimeOffset? ExpiresAt, string? DriverEmail, string? ParentIdTag, IdTokenKind Kind, string? Label);

/// <summary>Body of POST /api/tokens: creates the token, or updates it when the idTag exists.</summary>
public sealed record UpsertTokenRequest(string? IdTag, IdTokenStatus? Status, DateTimeOffset? ExpiresAt, string? DriverEmail, string? ParentIdTag, IdTokenKind? Kind, string? Label);

public static class TokensApi
{
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("/tokens", "Tokens").RequireAuthorization(Policies.Operator);
        api.MapGet("/", ListAsync).WithSummary("RFID / id tokens by idTag, paged by ?skip=&take= (take 1..1000, default 1000); the total is in X-Total-Count.");
        api.MapPost("/", UpsertAsync).WithSummary("Create a token (201) or update the one with this idTag (200).");
        return endpoints;
    }

    private static async Task<Results<Ok<List<TokenDto>>, ProblemHttpResult>> ListAsync(
        PageRequest page, HttpResponse response, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        if (page.Error is { } error)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad paging", error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tokens = await page.ApplyAsync(db.IdTokens.AsNoTracking().OrderBy(t => t.IdTag)
            .Select(t => new TokenDto(t.IdTag, t.Status, t.ExpiresAt, t.User != null ? t.User.Email : null, t.ParentIdTag, t.Kind, t.Label)), response, ct);
        return TypedResults.Ok(tokens);
    }

    private static async Task<Results<Created<TokenDto>, Ok<TokenDto>, ProblemHttpResult>> UpsertAsync(
        UpsertTokenRequest? request, IDbContextFactory<AppDbContext> dbFactory, UserManager<ApplicationUser> users, TimeProvider time, CancellationToken ct)
    {
        var idTag = request?.IdTag?.Trim();
        if (string.IsNullOrEmpty(idTag) || idTag.Length > IdToken.MaxIdTagLength)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Invalid token", $"idTag is required, 1 to {IdToken.MaxIdTagLength} characters.");
        }

        if (request!.ParentIdTag is { Length: > IdToken.MaxIdTagLength })
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Invalid token", $"parentIdTag must be at most {IdToken.MaxIdTagLength} characters.");
        }

        string? userId = null;
        if (!string.IsNullOrWhiteSpace(request.DriverEmail))
        {
            var user = await users.FindByEmailAsync(request.DriverEmail.Trim());
            if (user is null)
            {
                return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Invalid token", $"No user has the email '{request.DriverEmail}'.");
            }

            userId = user.Id;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.IdTokens.FirstOrDefaultAsync(t => t.IdTag == idTag, ct);
        var created = token is null;
        token ??= db.IdTokens.Add(new IdToken { IdTag = idTag, CreatedAt = time.GetUtcNow() }).Entity;
        token.SetStatusByOperator(request.Status ?? token.Status);
        token.ExpiresAt = request.ExpiresAt ?? (created ? null : token.ExpiresAt);
        token.ParentIdTag = request.ParentIdTag ?? token.ParentIdTag;
        token.Kind = request.Kind ?? token.Kind;
        token.Label = request.Label ?? token.Label;
        token.UserId = userId ?? token.UserId;
        await db.SaveChangesAsync(ct);

        var dto = new TokenDto(token.IdTag, token.Status, token.ExpiresAt, request.DriverEmail, token.ParentIdTag, token.Kind, token.Label);
        return created ? TypedResults.Created($"/api/tokens/{Uri.EscapeDataString(idTag)}", dto) : TypedResults.Ok(dto);
    }
}
