using System.Security.Cryptography.X509Certificates;
using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.StationSecurity.Certificates;

/// <summary>The outcome of a certificate operation: the station's answer, or why there is none (as the commands report it).</summary>
public sealed record CertificateOperationResult(StationAnswer? Answer, CommandError? Error, IReadOnlyList<StationCertificateDto>? Certificates = null);

/// <summary>
/// A station's certificates from the console and the API: renewal (A02 TriggerMessage SignChargingStationCertificate,
/// 1.6 ExtendedTriggerMessage SignChargePointCertificate), the installed list (M03 GetInstalledCertificateIds, kept as
/// the inventory), install (M05) and delete (M04).
/// </summary>
public sealed class StationCertificateInventory(
    StationCommandService commands,
    StationCertificateStore store,
    IStationCallRouter router,
    IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly InstalledCertificateKind[] V16Kinds = [InstalledCertificateKind.CSMSRootCertificate, InstalledCertificateKind.ManufacturerRootCertificate];

    public async Task<CertificateOperationResult> RenewAsync(string stationId, CommandActor actor, CancellationToken ct)
    {
        var result = await commands.ExecuteAsync(stationId, new TriggerMessageArguments(TriggerableMessage.SignChargingStationCertificate, ConnectorAddress.None), actor, ct);
        return new(result.Answer, result.Error);
    }

    /// <summary>Asks the station for its installed certificates (2.0.1 all kinds at once, 1.6 one kind per call) and stores the list.</summary>
    public async Task<CertificateOperationResult> RefreshAsync(string stationId, CommandActor actor, CancellationToken ct)
    {
        var version = await router.FindAsync(stationId, ct);
        IReadOnlyList<IReadOnlyList<InstalledCertificateKind>> asks = version == OcppVersion.V16 ? [.. V16Kinds.Select(k => new[] { k })] : [[]];
        StationAnswer? last = null;
        foreach (var kinds in asks)
        {
            var result = await commands.ExecuteAsync(stationId, new GetInstalledCertificateIdsArguments(kinds), actor, ct);
            if (result.Error is not null)
            {
                return new(null, result.Error);
            }

            // NotFound is an answer too: the station has none of these.
            var answer = result.Answer!;
            var covered = kinds.Count == 0 ? Enum.GetNames<InstalledCertificateKind>() : kinds.Select(k => k.ToString()).ToArray();
            await store.ReplaceReportedAsync(stationId, covered, answer.Certificates, ct);
            last = answer;
        }

        return new(last, null, await store.ListAsync(stationId, ct));
    }

    /// <summary>Installs a root certificate; once the station accepted it, the inventory lists it with its details.</summary>
    public async Task<CertificateOperationResult> InstallAsync(string stationId, InstalledCertificateKind kind, string pem, CommandActor actor, CancellationToken ct)
    {
        var result = await commands.ExecuteAsync(stationId, new InstallCertificateArguments(kind, pem), actor, ct);
        if (result.Succeeded)
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            await store.RecordInstalledAsync(stationId, kind, certificate, ct);
        }

        return new(result.Answer, result.Error);
    }

    /// <summary>Deletes the listed certificate <paramref name="certificateId"/> from the station; null when it is not listed.</summary>
    public async Task<CertificateOperationResult?> DeleteAsync(string stationId, long certificateId, CommandActor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var listed = await db.StationCertificates.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == certificateId && c.StationId == stationId && c.Source == StationCertificateSource.Reported, ct);
        if (listed is null)
        {
            return null;
        }

        var hash = new CertificateHash(listed.HashAlgorithm, listed.IssuerNameHash, listed.IssuerKeyHash, listed.SerialNumber);
        var result = await commands.ExecuteAsync(stationId, new DeleteCertificateArguments(hash), actor, ct);
        if (result.Answer?.Status is CommandStatus.Accepted or CommandStatus.NotFound)
        {
            await store.RemoveAsync(certificateId, ct);
        }

        return new(result.Answer, result.Error);
    }
}
