namespace ChargePortal.Web.Tokens;

/// <summary>
/// Another source of id tokens, asked when a token is not one of ours (roaming partners' tokens). Null: it does not
/// know the token either. It answers within the time a station may wait for its Authorize.
/// </summary>
public interface IExternalTokenAuthority
{
    Task<AuthorizationResult?> AuthorizeAsync(string idTag, CancellationToken ct);
}
