using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography.X509Certificates;
using ChargePortal.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace ChargePortal.Web.Hosting;

public sealed class DataProtectionSettings : IValidatableObject
{
    public const string Section = "DataProtection";

    /// <summary>
    /// A PFX (or PEM with its key) whose public key encrypts the key ring at rest; without one the keys are stored
    /// unencrypted in the database, readable by whoever can read the database.
    /// </summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates that still decrypt keys written under an earlier certificate (while rotating it).</summary>
    public List<string> PreviousCertificatePaths { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(CertificatePath) && !File.Exists(CertificatePath))
        {
            yield return new ValidationResult($"points to '{CertificatePath}', which does not exist.", [nameof(CertificatePath)]);
        }

        for (var i = 0; i < PreviousCertificatePaths.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(PreviousCertificatePaths[i]) && !File.Exists(PreviousCertificatePaths[i]))
            {
                yield return new ValidationResult($"points to '{PreviousCertificatePaths[i]}', which does not exist.", [$"{nameof(PreviousCertificatePaths)}:{i}"]);
            }
        }
    }
}

/// <summary>
/// Cookies, antiforgery tokens and account links are protected with the Data Protection key ring. It lives in the
/// app's database with one application name, so every node of a cluster reads and writes the same keys and a key
/// survives a container's home folder being thrown away.
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>Fixed so that nodes in different folders (or versions) share one key ring.</summary>
    public const string ApplicationName = "ChargePortal";

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        // Read now, not at start: the key ring's certificates are chosen while the services are registered.
        services.AddValidatedOptions<DataProtectionSettings>(DataProtectionSettings.Section);
        var settings = configuration.ReadValidated<DataProtectionSettings>(DataProtectionSettings.Section);
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();

        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            // ProtectKeysWithCertificate also registers the certificate for decrypting, so no certificate store is needed.
            builder.ProtectKeysWithCertificate(Load(settings.CertificatePath, settings.CertificatePassword));
            var previous = settings.PreviousCertificatePaths.Where(p => !string.IsNullOrWhiteSpace(p))
                .Select(p => Load(p, settings.CertificatePassword)).ToArray();
            if (previous.Length > 0)
            {
                builder.UnprotectKeysWithAnyCertificate(previous);
            }
        }

        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = Path.GetExtension(path).Equals(".pem", StringComparison.OrdinalIgnoreCase)
            ? X509Certificate2.CreateFromPemFile(path)
            : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The Data Protection certificate '{path}' has no private key, so it could not decrypt the keys it protects.");
        }

        return certificate;
    }
}
