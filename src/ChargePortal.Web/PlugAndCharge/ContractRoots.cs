using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.PlugAndCharge;

/// <summary>
/// The contract (mobility operator) roots a contract certificate chain may end at: the operator's file
/// (PlugAndCharge:ContractRootsPath) and every MORootCertificate the CSMS installed on a station.
/// </summary>
public sealed class ContractRoots(IOptions<PlugAndChargeOptions> options, IDbContextFactory<AppDbContext> dbFactory) : IDisposable
{
    public const string InstalledType = "MORootCertificate";

    private readonly Lazy<X509Certificate2Collection> _configured = new(() => Load(options.Value.ContractRootsPath));

    /// <summary>Fresh certificates the caller disposes.</summary>
    public async Task<X509Certificate2Collection> LoadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var installed = await db.StationCertificates.AsNoTracking()
            .Where(c => c.CertificateType == InstalledType && c.Pem != null)
            .Select(c => c.Pem!).Distinct().ToListAsync(ct);
        // Copies: the caller disposes what it gets, the configured roots stay loaded.
        var roots = new X509Certificate2Collection();
        foreach (var root in _configured.Value)
        {
            roots.Add(X509CertificateLoader.LoadCertificate(root.RawData));
        }

        foreach (var pem in installed)
        {
            try
            {
                roots.ImportFromPem(pem);
            }
            catch (CryptographicException)
            {
                // Stored as the operator gave it; a PEM the station accepted but .NET cannot read is no root to trust.
            }
        }

        return roots;
    }

    public void Dispose()
    {
        if (_configured.IsValueCreated)
        {
            foreach (var root in _configured.Value)
            {
                root.Dispose();
            }
        }
    }

    private static X509Certificate2Collection Load(string? path)
    {
        var roots = new X509Certificate2Collection();
        if (!string.IsNullOrWhiteSpace(path))
        {
            roots.ImportFromPemFile(path);
        }

        return roots;
    }
}
