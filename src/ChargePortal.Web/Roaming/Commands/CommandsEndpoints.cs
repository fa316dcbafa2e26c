using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Locations;
using ChargePortal.Web.Roaming.Ocpi;
using ChargePortal.Web.Roaming.Partners;
using ChargePortal.Web.Roaming.Sessions;
using ChargePortal.Web.Roaming.Tariffs;
using ChargePortal.Web.Roaming.Tokens;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Roaming.Commands;

/// <summary>
/// Commands module, CPO receiver interface: <c>POST {commands}/{command}</c>. Answered at once (ACCEPTED with a timeout,
/// or why not); the station's outcome follows as a CommandResult POSTed to the response_url.
/// </summary>
public static class CommandsEndpoints
{
    /// <summary>Seconds the partner should wait for the result: the station's answer plus delivery.</summary>
    public const int ResultTimeoutSeconds = 60;

    public static RouteGroupBuilder MapOcpiCommands(this RouteGroupBuilder ocpi)
    {
        ocpi.MapPost("/" + OcpiUrls.Version + "/" + OcpiModules.Commands + "/{command}", HandleAsync);
        return ocpi;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, string command, CommandContext c, RoamingActivity activity, CancellationToken ct)
    {
        var partner = OcpiCaller.Of(http).Partner;
        await activity.RecordInboundAsync(partner.Id, OcpiModules.Commands, ct);
        return command switch
        {
            "START_SESSION" => await ReadAsync<StartSession>(http, c, s => s.Validate(), s => s.ResponseUrl, s => StartAsync(partner, s, c, ct), ct),
            "STOP_SESSION" => await ReadAsync<StopSession>(http, c, s => s.Validate(), s => s.ResponseUrl, s => StopAsync(partner, s, c, ct), ct),
            "RESERVE_NOW" => await ReadAsync<ReserveNow>(http, c, r => r.Validate(), r => r.ResponseUrl, r => ReserveAsync(partner, r, c, ct), ct),
            "CANCEL_RESERVATION" => await ReadAsync<CancelReservation>(http, c, r => r.Validate(), r => r.ResponseUrl, r => CancelAsync(partner, r, c, ct), ct),
            "UNLOCK_CONNECTOR" => await ReadAsync<UnlockConnector>(http, c, u => u.Validate(), u => u.ResponseUrl, u => UnlockAsync(partner, u, c, ct), ct),
            _ => OcpiResults.Ok(new CommandResponse("NOT_SUPPORTED", 0, [new DisplayText("en", $"'{command}' is not a command this CPO supports.")]), c.Time),
        };
    }

    private static async Task<IResult> ReadAsync<T>(HttpContext http, CommandContext c, Func<T, string?> validate, Func<T, string> responseUrl,
        Func<T, Task<CommandResponse>> handle, CancellationToken ct)
        where T : class
    {
        var (request, error) = await OcpiBody.ReadAsync<T>(http.Request, ct);
        error ??= validate(request!) ?? ResponseUrlError(OcpiCaller.Of(http).Partner, responseUrl(request!));
        return error is not null ? OcpiResults.Invalid(error, c.Time) : OcpiResults.Ok(await handle(request!), c.Time);
    }

    private static async Task<CommandResponse> StartAsync(RoamingPartner partner, StartSession s, CommandContext c, CancellationToken ct)
    {
        if (TokenPartyError(partner, s.Token) is { } tokenError)
        {
            return Rejected(tokenError);
        }

        var evse = await FindEvseAsync(partner, s.LocationId, s.EvseUid, c, ct);
        if (evse is null)
        {
            return Rejected($"No EVSE {s.EvseUid ?? "(any)"} at location {s.LocationId} is published to this party.");
        }

        await RememberTokenAsync(partner, s.Token, RoamingAuthMethod.Command, s.AuthorizationReference, c, ct);
        return Queue(c, partner, s.ResponseUrl, (st, t) => st.StartAsync(partner.Name, evse.StationId, evse.EvseId, s.Token.Uid, t));
    }

    private static async Task<CommandResponse> StopAsync(RoamingPartner partner, StopSession s, CommandContext c, CancellationToken ct)
    {
        await using var db = await c.DbFactory.CreateDbContextAsync(ct);
        var target = await (from session in db.Set<RoamingSession>()
                            join t in db.Transactions on session.TransactionId equals t.Id
                            where session.PartnerId == partner.Id && session.Id == s.SessionId && t.Status == TransactionStatus.Active
                            select new { t.StationId, t.OcppTransactionId }).FirstOrDefaultAsync(ct);
        return target is null
            ? new CommandResponse("UNKNOWN_SESSION", 0, [new DisplayText("en", $"No active session {s.SessionId} of this party.")])
            : Queue(c, partner, s.ResponseUrl, (st, t) => st.StopAsync(partner.Name, target.StationId, target.OcppTransactionId, t));
    }

    private static async Task<CommandResponse> ReserveAsync(RoamingPartner partner, ReserveNow r, CommandContext c, CancellationToken ct)
    {
        if (TokenPartyError(partner, r.Token) is { } tokenError)
        {
            return Rejected(tokenError);
        }

        var evse = await FindEvseAsync(partner, r.LocationId, r.EvseUid, c, ct);
        if (evse is null)
        {
            return Rejected($"No EVSE {r.EvseUid ?? "(any)"} at location {r.LocationId} is published to this party.");
        }

        await RememberTokenAsync(partner, r.Token, null, r.AuthorizationReference, c, ct);
        await using var db = await c.DbFactory.CreateDbContextAsync(ct);
        var reservation = await db.Set<RoamingReservation>().FirstOrDefaultAsync(x => x.PartnerId == partner.Id && x.ReservationId == r.ReservationId, ct);
        if (reservation is null)
        {
            db.Add(new RoamingReservation { PartnerId = partner.Id, ReservationId = r.ReservationId, StationId = evse.StationId, CreatedAt = c.Time.GetUtcNow() });
        }
        else
        {
            reservation.StationId = evse.StationId;
        }

        await db.SaveChangesAsync(ct);
        return Queue(c, partner, r.ResponseUrl, (st, t) => st.ReserveAsync(partner.Name, evse.StationId, r.EvseUid is null ? null : evse.EvseId, r.Token.Uid, r.ExpiryDate, r.ReservationId, t));
    }

    private static async Task<CommandResponse> CancelAsync(RoamingPartner partner, CancelReservation r, CommandContext c, CancellationToken ct)
    {
        await using var db = await c.DbFactory.CreateDbContextAsync(ct);
        var stationId = await db.Set<RoamingReservation>().Where(x => x.PartnerId == partner.Id && x.ReservationId == r.ReservationId)
            .Select(x => x.StationId).FirstOrDefaultAsync(ct);
        return stationId is null
            ? Rejected($"No reservation {r.ReservationId} of this party.")
            : Queue(c, partner, r.ResponseUrl, (st, t) => st.CancelReservationAsync(partner.Name, stationId, r.ReservationId, t));
    }

    private static async Task<CommandResponse> UnlockAsync(RoamingPartner partner, UnlockConnector u, CommandContext c, CancellationToken ct)
    {
        var evse = await FindEvseAsync(partner, u.LocationId, u.EvseUid, c, ct);
        return evse is null || !int.TryParse(u.ConnectorId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var connectorId)
                || evse.Evse.Connectors.All(x => x.Id != u.ConnectorId)
            ? Rejected($"No connector {u.ConnectorId} of EVSE {u.EvseUid} at location {u.LocationId} is published to this party.")
            : Queue(c, partner, u.ResponseUrl, (st, t) => st.UnlockAsync(partner.Name, evse.StationId, evse.EvseId, connectorId, t));
    }

    private static CommandResponse Queue(CommandContext c, RoamingPartner partner, string responseUrl, Func<RoamingStationCommands, CancellationToken, Task<StationOutcome>> run) =>
        c.Runner.TryQueue(new RoamingCommandJob(partner.Id, partner.Name, responseUrl, run))
            ? new CommandResponse("ACCEPTED", ResultTimeoutSeconds, null)
            : Rejected("Too many commands are in progress; try again shortly.");

    private static CommandResponse Rejected(string message) => new("REJECTED", 0, [new DisplayText("en", message)]);

    /// <summary>An EVSE of a published location: the one named, or the first available one.</summary>
    private static async Task<EvseRef?> FindEvseAsync(RoamingPartner partner, string locationId, string? evseUid, CommandContext c, CancellationToken ct)
    {
        if (evseUid is not null)
        {
            return await c.Locations.FindEvseAsync(partner, locationId, evseUid, ct);
        }

        var location = int.TryParse(locationId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var siteId)
            ? (await c.Locations.ForPartnerAsync(partner, ct, siteId)).FirstOrDefault()
            : null;
        var pick = location?.Evses.OrderBy(e => e.Status == "AVAILABLE" ? 0 : 1).FirstOrDefault();
        return pick is null ? null : await c.Locations.FindEvseAsync(partner, locationId, pick.Uid, ct);
    }

    private static string? TokenPartyError(RoamingPartner partner, OcpiToken token) =>
        PartnerParties.Of(partner).Any(p => p.Is(token.CountryCode, token.PartyId)) ? null : $"The token's party {token.CountryCode}/{token.PartyId} is not a party of these credentials.";

    /// <summary>
    /// The result goes where the partner lives: response_url must be on a host of its versions or module endpoints,
    /// so a command cannot make this CPO post to an arbitrary address.
    /// </summary>
    private static string? ResponseUrlError(RoamingPartner partner, string responseUrl)
    {
        var host = new Uri(responseUrl).Host;
        var known = PartnerParties.Endpoints(partner).Select(e => e.Url).Append(partner.VersionsUrl)
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host : null);
        return known.Contains(host, StringComparer.OrdinalIgnoreCase) ? null : $"response_url must be on a host of this party's OCPI endpoints, not {host}.";
    }

    /// <summary>Keeps the command's token so the station's authorization of it is accepted, with how it was authorized.</summary>
    private static async Task RememberTokenAsync(RoamingPartner partner, OcpiToken token, RoamingAuthMethod? method, string? reference, CommandContext c, CancellationToken ct)
    {
        await using var db = await c.DbFactory.CreateDbContextAsync(ct);
        var (country, party) = (token.CountryCode.ToUpperInvariant(), token.PartyId.ToUpperInvariant());
        var stored = await db.Set<RoamingToken>().FirstOrDefaultAsync(t => t.CountryCode == country && t.PartyId == party && t.Uid == token.Uid && t.Type == token.Type, ct);
        if (stored is null)
        {
            stored = new RoamingToken { PartnerId = partner.Id, CountryCode = country, PartyId = party, Uid = token.Uid, ContractId = token.ContractId, Issuer = token.Issuer };
            db.Add(stored);
        }

        token.CopyTo(stored);
        stored.PendingAuthMethod = method ?? stored.PendingAuthMethod;
        stored.AuthorizationReference = reference ?? stored.AuthorizationReference;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The services the command handlers share.</summary>
public sealed record CommandContext(IDbContextFactory<AppDbContext> DbFactory, LocationCatalog Locations, RoamingCommandRunner Runner, TimeProvider Time);
