using System.Security.Claims;
using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Sites;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Stations;

/// <summary>Why a station feature (display messages, customer information) could not be used; each maps to one HTTP status.</summary>
public enum StationFeatureFailure
{
    /// <summary>404.</summary>
    UnknownStation,

    /// <summary>403: the caller's role or sites do not include the station.</summary>
    Forbidden,

    /// <summary>409: the station's OCPP version has no such feature (1.6).</summary>
    NotSupported,

    /// <summary>409: not connected, or not Accepted at boot.</summary>
    Unavailable,

    /// <summary>400, naming each problem.</summary>
    BadInput,

    /// <summary>504.</summary>
    Timeout,

    /// <summary>502: the station answered with a CALLERROR.</summary>
    StationError,
}

/// <summary>A feature's failure with its detail for people (and the OCPP error the station sent, if any).</summary>
public sealed record StationFeatureError(StationFeatureFailure Kind, string Detail, string? OcppErrorCode = null)
{
    public static StationFeatureError From(CommandError error) => error.Kind switch
    {
        CommandFailure.UnknownStation => new(StationFeatureFailure.UnknownStation, error.Detail),
        CommandFailure.Offline or CommandFailure.NotAccepted => new(StationFeatureFailure.Unavailable, error.Detail),
        CommandFailure.BadArguments or CommandFailure.UnknownCommand => new(StationFeatureFailure.BadInput, error.Detail),
        CommandFailure.Timeout => new(StationFeatureFailure.Timeout, error.Detail),
        _ => new(StationFeatureFailure.StationError, error.Detail, error.OcppErrorCode),
    };
}

/// <summary>The station a feature may be used on: who may see it and whether its OCPP version has the feature.</summary>
public sealed record StationFeatureTarget(string Id, string Name, int? SiteId, OcppVersion? Version, bool Online, string? SiteTimeZone = null);

/// <summary>
/// Finds a station for a per-station feature and checks the caller may use it there: staff on every station, site
/// owners on their own sites' stations only (when <c>siteOwners</c> is true), nobody else.
/// </summary>
public sealed class StationFeatureAccess(IDbContextFactory<AppDbContext> dbFactory, SiteAccess sites)
{
    public async Task<(StationFeatureTarget? Station, StationFeatureError? Error)> CheckAsync(
        string stationId, ClaimsPrincipal user, bool siteOwners, string feature, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.AsNoTracking().Where(s => s.Id == stationId)
            .Select(s => new StationFeatureTarget(s.Id, s.Name, s.SiteId, s.OcppVersion, s.IsOnline, s.Site != null ? s.Site.TimeZoneId : null)).FirstOrDefaultAsync(ct);
        if (station is null)
        {
            return (null, new StationFeatureError(StationFeatureFailure.UnknownStation, $"No station '{stationId}' is registered."));
        }

        var scope = await sites.ScopeForAsync(user, ct);
        if (!scope.AllSites && !(siteOwners && scope.Includes(station.SiteId)))
        {
            return (null, new StationFeatureError(StationFeatureFailure.Forbidden, siteOwners
                ? $"Station '{stationId}' is not on one of your sites."
                : $"Only operators may use {feature}."));
        }

        return (station, null);
    }

    /// <summary>409 for a station whose version lacks a 2.0.1-only feature (a station that never booted has no version yet).</summary>
    public static StationFeatureError? Unless201(StationFeatureTarget station, string feature) => station.Version switch
    {
        OcppVersion.V201 => null,
        OcppVersion.V16 => new(StationFeatureFailure.NotSupported,
            $"Station '{station.Id}' speaks OCPP 1.6, which has no {feature}; only OCPP 2.0.1 stations support it."),
        _ => new(StationFeatureFailure.Unavailable, $"Station '{station.Id}' has not connected yet, so its OCPP version (and {feature} support) is unknown."),
    };
}
