using System.Security.Claims;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.CustomerInformation;

/// <summary>A CustomerInformation answer, or why the station could not be asked.</summary>
public sealed record CustomerInformationResult(CustomerInformationAnswer? Answer, StationFeatureError? Error)
{
    public string Message => Error?.Detail ?? Answer!.Explanation;
}

/// <summary>One request with its parts in seqNo order and the data they assemble to.</summary>
public sealed record CustomerInformationReport(CustomerInformationRequestRecord? Request, int RequestId, IReadOnlyList<CustomerInformationPart> Parts)
{
    /// <summary>The last part (tbc false) is in and no seqNo before it is missing.</summary>
    public bool Complete => Parts.Count > 0 && !Parts[^1].Tbc && Parts[^1].SeqNo == Parts.Count - 1;

    /// <summary>The parts' data joined in seqNo order, as the station split it.</summary>
    public string Data => string.Concat(Parts.Select(p => p.Data));
}

/// <summary>
/// Customer information on 2.0.1 stations (N09/N10), for operators only: ask a station to report and/or clear what it
/// holds about a customer, and read the assembled NotifyCustomerInformation reports (<see cref="CustomerInformationLedger"/>).
/// </summary>
public sealed class CustomerInformationService(
    IDbContextFactory<AppDbContext> dbFactory, StationFeatureAccess access, StationCommandService commands, CustomerInformationLedger ledger)
{
    public const string Feature = "customer information";

    public Task<(StationFeatureTarget? Station, StationFeatureError? Error)> CheckAsync(string stationId, ClaimsPrincipal user, CancellationToken ct) =>
        access.CheckAsync(stationId, user, siteOwners: false, Feature, ct);

    public async Task<CustomerInformationResult> RequestAsync(string stationId, CustomerInformationArguments request, ClaimsPrincipal user, CommandActor actor, CancellationToken ct)
    {
        var (station, error) = await CheckAsync(stationId, user, ct);
        if ((error ?? StationFeatureAccess.Unless201(station!, Feature)) is { } refused)
        {
            return new(null, refused);
        }

        var result = await commands.ExecuteAsync(stationId, request, actor, ct);
        if (result.Error is { } failure)
        {
            return new(null, StationFeatureError.From(failure));
        }

        await ledger.WaitStoredAsync(ct);
        return new(result.Answer, null);
    }

    /// <summary>The station's requests, newest first, each with its parts (parts of unknown requests too).</summary>
    public async Task<IReadOnlyList<CustomerInformationReport>> ListAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requests = await db.CustomerInformationRequests.AsNoTracking().Where(r => r.StationId == stationId).ToListAsync(ct);
        var parts = await db.CustomerInformationParts.AsNoTracking().Where(p => p.StationId == stationId).ToListAsync(ct);
        var byRequest = parts.ToLookup(p => p.RequestId);
        var known = requests.GroupBy(r => r.RequestId).Select(g => g.OrderByDescending(r => r.Id).First()).ToList();
        var orphanIds = byRequest.Select(g => g.Key).Where(id => known.All(r => r.RequestId != id));
        return
        [
            .. known.OrderByDescending(r => r.AnsweredAt).Select(r => new CustomerInformationReport(r, r.RequestId, Ordered(byRequest[r.RequestId]))),
            .. orphanIds.Select(id => new CustomerInformationReport(null, id, Ordered(byRequest[id]))),
        ];
    }

    public async Task<CustomerInformationReport?> FindAsync(string stationId, int requestId, CancellationToken ct) =>
        (await ListAsync(stationId, ct)).FirstOrDefault(r => r.RequestId == requestId);

    private static List<CustomerInformationPart> Ordered(IEnumerable<CustomerInformationPart> parts) => [.. parts.OrderBy(p => p.SeqNo)];
}
