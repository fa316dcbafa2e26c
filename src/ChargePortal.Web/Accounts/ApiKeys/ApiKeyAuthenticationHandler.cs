using System.Security.Claims;
using System.Text.Encodings.Web;
using ChargePortal.Web.Realtime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Accounts.ApiKeys;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c>. The key acts as its owner, with the owner's roles.
/// Failures answer with problem+json rather than a redirect to the login page.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService apiKeys,
    IUserClaimsPrincipalFactory<ApplicationUser> principalFactory,
    UserManager<ApplicationUser> userManager,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) && Request.Path.StartsWithSegments(LiveHub.Path)
            && Request.Query["access_token"] is [{ Length: > 0 } queryToken])
        {
            // Browsers cannot set headers on WebSockets, so SignalR clients send the key as ?access_token=.
            // Only the hub accepts it: elsewhere a key in a URL would end up in logs and browser history.
            header = "Bearer " + queryToken;
        }

        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'.");
        }

        var userId = await apiKeys.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        var user = userId is null ? null : await userManager.FindByIdAsync(userId);
        // Only an admin's lock stops a key; a lock-out from bad sign-ins (which anyone can cause) bars interactive sign-in only.
        if (user is null || AdminLock.IsLockedByAdmin(user))
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var principal = await principalFactory.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, principal.Identities.First().NameClaimType, principal.Identities.First().RoleClaimType);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
            failure ?? "This endpoint needs an API key: send 'Authorization: Bearer <api key>'. Operators create keys in the portal under API keys.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "The API key's owner does not have the role this endpoint requires.");
    }

    private Task WriteProblemAsync(int status, string title, string detail) =>
        problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
}
