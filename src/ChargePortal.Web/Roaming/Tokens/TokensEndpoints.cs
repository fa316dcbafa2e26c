using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Ocpi;
using ChargePortal.Web.Roaming.Partners;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Roaming.Tokens;

/// <summary>Tokens module, CPO receiver interface: <c>{tokens}/{country_code}/{party_id}/{uid}[?type=]</c> GET, PUT, PATCH.</summary>
public static class TokensEndpoints
{
    private const string Route = "/" + OcpiUrls.Version + "/" + OcpiModules.Tokens + "/{countryCode}/{partyId}/{uid}";

    public static RouteGroupBuilder MapOcpiTokens(this RouteGroupBuilder ocpi)
    {
        ocpi.MapGet(Route, GetAsync);
        ocpi.MapPut(Route, PutAsync);
        ocpi.MapPatch(Route, PatchAsync);
        return ocpi;
    }

    private static async Task<IResult> GetAsync(HttpContext http, string countryCode, string partyId, string uid, string? type,
        IDbContextFactory<AppDbContext> dbFactory, RoamingActivity activity, TimeProvider time, CancellationToken ct)
    {
        if (Check(http, countryCode, partyId, type, out var tokenType) is { } error)
        {
            return OcpiResults.Invalid(error, time);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await FindAsync(db, OcpiCaller.Of(http).Partner.Id, countryCode, partyId, uid, tokenType, ct);
        await activity.RecordInboundAsync(OcpiCaller.Of(http).Partner.Id, OcpiModules.Tokens, ct);
        return token is null
            ? OcpiResults.NotFound(OcpiStatus.UnknownToken, $"No token {uid} of type {type ?? "RFID"} from {countryCode}/{partyId}.", time)
            : OcpiResults.Ok(OcpiToken.From(token), time);
    }

    private static async Task<IResult> PutAsync(HttpContext http, string countryCode, string partyId, string uid, string? type,
        IDbContextFactory<AppDbContext> dbFactory, RoamingActivity activity, TimeProvider time, CancellationToken ct)
    {
        if (Check(http, countryCode, partyId, type, out var tokenType) is { } error)
        {
            return OcpiResults.Invalid(error, time);
        }

        var (pushed, readError) = await OcpiBody.ReadAsync<OcpiToken>(http.Request, ct);
        var invalid = readError ?? pushed!.Validate() ?? Mismatch(pushed!, countryCode, partyId, uid, tokenType);
        if (invalid is not null)
        {
            return OcpiResults.Invalid(invalid, time);
        }

        var partnerId = OcpiCaller.Of(http).Partner.Id;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await FindAsync(db, partnerId, countryCode, partyId, uid, tokenType, ct);
        if (token is null)
        {
            token = new RoamingToken { PartnerId = partnerId, CountryCode = "", PartyId = "", Uid = uid, ContractId = "", Issuer = "" };
            db.Add(token);
        }

        pushed!.CopyTo(token);
        await db.SaveChangesAsync(ct);
        await activity.RecordInboundAsync(partnerId, OcpiModules.Tokens, ct);
        return OcpiResults.Ok(time);
    }

    /// <summary>Changes some fields of a stored token; <c>last_updated</c> is required, the identifying fields may not change.</summary>
    private static async Task<IResult> PatchAsync(HttpContext http, string countryCode, string partyId, string uid, string? type,
        IDbContextFactory<AppDbContext> dbFactory, RoamingActivity activity, TimeProvider time, CancellationToken ct)
    {
        if (Check(http, countryCode, partyId, type, out var tokenType) is { } error)
        {
            return OcpiResults.Invalid(error, time);
        }

        JsonObject? patch;
        try
        {
            patch = await JsonSerializer.DeserializeAsync<JsonNode>(http.Request.Body, OcpiJson.Options, ct) as JsonObject;
        }
        catch (JsonException e)
        {
            return OcpiResults.Invalid($"The request body is not JSON: {e.Message}", time);
        }

        if (patch is null || !patch.ContainsKey("last_updated"))
        {
            return OcpiResults.Invalid("A PATCH must be a JSON object with last_updated.", time);
        }

        var partnerId = OcpiCaller.Of(http).Partner.Id;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await FindAsync(db, partnerId, countryCode, partyId, uid, tokenType, ct);
        if (token is null)
        {
            return OcpiResults.NotFound(OcpiStatus.UnknownToken, $"No token {uid} of type {type ?? "RFID"} from {countryCode}/{partyId} to patch.", time);
        }

        // The stored token with the patch laid over it must still be a valid token for the same URL.
        var merged = JsonSerializer.SerializeToNode(OcpiToken.From(token), OcpiJson.Options)!.AsObject();
        foreach (var (name, value) in patch)
        {
            merged[name] = value?.DeepClone();
        }

        OcpiToken? patched;
        try
        {
            patched = merged.Deserialize<OcpiToken>(OcpiJson.Options);
        }
        catch (JsonException e)
        {
            return OcpiResults.Invalid($"The patched token is not valid: {e.Message}", time);
        }

        var invalid = patched!.Validate() ?? Mismatch(patched, countryCode, partyId, uid, tokenType);
        if (invalid is not null)
        {
            return OcpiResults.Invalid(invalid, time);
        }

        patched.CopyTo(token);
        await db.SaveChangesAsync(ct);
        await activity.RecordInboundAsync(partnerId, OcpiModules.Tokens, ct);
        return OcpiResults.Ok(time);
    }

    private static string? Check(HttpContext http, string countryCode, string partyId, string? type, out OcpiTokenType tokenType)
    {
        tokenType = OcpiTokenType.Rfid;
        if (type is not null)
        {
            try
            {
                tokenType = JsonSerializer.Deserialize<OcpiTokenType>($"\"{type}\"", OcpiJson.Options);
            }
            catch (JsonException)
            {
                return $"type '{type}' is not a TokenType (AD_HOC_USER, APP_USER, OTHER, RFID).";
            }
        }

        return PartnerParties.Of(OcpiCaller.Of(http).Partner).Any(p => p.Is(countryCode, partyId))
            ? null
            : $"{countryCode}/{partyId} is not a party of these credentials.";
    }

    private static string? Mismatch(OcpiToken token, string countryCode, string partyId, string uid, OcpiTokenType type) =>
        !new PartyRef(countryCode, partyId).Is(token.CountryCode, token.PartyId) || token.Uid != uid || token.Type != type
            ? "The token's country_code, party_id, uid and type must match the URL."
            : null;

    private static Task<RoamingToken?> FindAsync(AppDbContext db, int partnerId, string countryCode, string partyId, string uid, OcpiTokenType type, CancellationToken ct)
    {
        var (country, party) = (countryCode.ToUpperInvariant(), partyId.ToUpperInvariant());
        return db.Set<RoamingToken>().FirstOrDefaultAsync(t => t.PartnerId == partnerId && t.CountryCode == country && t.PartyId == party && t.Uid == uid && t.Type == type, ct);
    }
}
