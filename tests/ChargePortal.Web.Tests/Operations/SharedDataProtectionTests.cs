using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Operations;

/// <summary>Two nodes on one database share the Data Protection key ring, so what one node protects the other reads.</summary>
public sealed class SharedDataProtectionTests : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chargeportal-tests", "dp-" + Guid.NewGuid().ToString("N"));
    private readonly TestDatabase _shared;
    private readonly TestDatabase _other;

    public SharedDataProtectionTests()
    {
        Directory.CreateDirectory(_directory);
        _shared = TestDatabase.Create(Path.Combine(_directory, "shared.db"));
        _other = TestDatabase.Create(Path.Combine(_directory, "other.db"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase SharedDatabase => _shared;

    [Fact]
    public async Task A_sign_in_cookie_issued_by_node_A_is_accepted_by_node_B_on_the_same_database()
    {
        await using var nodeA = new NodeFactory(SharedDatabase);
        var signIn = await nodeA.CreateBrowserLikeClient().SignInAsync(DemoSeeder.OperatorEmail, ChargePortalFactory.DemoPassword);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = AuthCookie(signIn);

        await using var nodeB = new NodeFactory(SharedDatabase);
        var onB = await GetWithCookieAsync(nodeB, "/operator/stations", cookie);
        onB.StatusCode.ShouldBe(HttpStatusCode.OK);

        // The same cookie on a node with a database (and so a key ring) of its own is not understood: back to sign-in.
        await using var stranger = new NodeFactory(_other);
        var elsewhere = await GetWithCookieAsync(stranger, "/operator/stations", cookie);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        elsewhere.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task A_payload_protected_on_one_node_unprotects_on_the_other_and_the_key_is_in_the_database()
    {
        await using var nodeA = new NodeFactory(SharedDatabase);
        var protectedText = nodeA.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("reset-link");

        await using var nodeB = new NodeFactory(SharedDatabase);
        nodeB.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText).ShouldBe("reset-link");

        await using var scope = nodeB.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.ToListAsync(Ct);
        keys.ShouldNotBeEmpty();
        keys[0].Xml!.ShouldNotContain("EncryptedData", Case.Insensitive);
    }

    [Fact]
    public async Task With_a_certificate_configured_the_stored_keys_are_encrypted_and_a_node_with_the_certificate_reads_them()
    {
        var certificatePath = Path.Combine(_directory, "dp.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=ChargePortal Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "pfx-password"), Ct);
        }

        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = certificatePath,
            ["DataProtection:CertificatePassword"] = "pfx-password",
        };
        await using var nodeA = new NodeFactory(SharedDatabase, settings);
        var protectedText = nodeA.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("secret");

        await using var nodeB = new NodeFactory(SharedDatabase, settings);
        nodeB.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText).ShouldBe("secret");
        await using var scope = nodeB.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.ToListAsync(Ct);
        keys.ShouldAllBe(k => k.Xml!.Contains("EncryptedData"));
        keys.ShouldAllBe(k => !k.Xml!.Contains("<masterKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_certificate_file_stops_the_start_with_the_setting_named()
    {
        await using var node = new NodeFactory(SharedDatabase, new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = Path.Combine(_directory, "missing.pfx") });
        var error = Should.Throw<Exception>(() => node.Services);
        error.ToString().ShouldContain("DataProtection:CertificatePath: points to");
    }

    private static string AuthCookie(HttpResponseMessage response)
    {
        var setCookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("ChargePortal.Auth=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(ChargePortalFactory node, string path, string cookie)
    {
        var client = node.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _shared.DisposeAsync();
        await _other.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    /// <summary>A node of the test cluster: the host on a database it shares with other nodes.</summary>
    private sealed class NodeFactory(TestDatabase database, IDictionary<string, string?>? extra = null) : ChargePortalFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = new Dictionary<string, string?>(database.Settings);
                foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
                {
                    settings[key] = value;
                }

                return settings;
            }
        }
    }
}
