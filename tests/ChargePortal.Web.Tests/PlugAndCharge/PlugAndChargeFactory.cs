using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.PlugAndCharge;

/// <summary>
/// The host on a real socket with Plug &amp; Charge configured against the stand-ins: the contract-certificate provider
/// (with an API key), the contract root in a PEM file, and the given policy for contracts without an id token.
/// </summary>
public class PlugAndChargeFactory : KestrelChargePortalFactory, IAsyncLifetime
{
    public const string ProviderApiKey = "provider-api-key-for-tests";

    private readonly string _directory = Directory.CreateTempSubdirectory("chargeportal-pnc-").FullName;

    public PkiStandIn StandIn { get; private set; } = null!;

    public Iso15118Pki Pki => StandIn.Pki;

    protected virtual string UnknownContractPolicy => "Reject";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["PlugAndCharge:ContractCertificateProviderUrl"] = StandIn.ProviderUri.AbsoluteUri,
        ["PlugAndCharge:ContractCertificateProviderApiKey"] = ProviderApiKey,
        ["PlugAndCharge:ContractRootsPath"] = Path.Combine(_directory, "contract-roots.pem"),
        ["PlugAndCharge:UnknownContractPolicy"] = UnknownContractPolicy,
        ["PlugAndCharge:OcspResponderHosts:0"] = ListedResponderHost,
    };

    /// <summary>The stand-in's responder is on 127.0.0.1, which the CSMS asks only when the operator listed it.</summary>
    protected virtual string? ListedResponderHost => "127.0.0.1";

    public async ValueTask InitializeAsync()
    {
        StandIn = await PkiStandIn.StartAsync();
        StandIn.Pki = new Iso15118Pki(StandIn.OcspUri);
        await File.WriteAllTextAsync(Path.Combine(_directory, "contract-roots.pem"), Pki.ContractRoot.Certificate.ExportCertificatePem());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await StandIn.DisposeAsync();
        StandIn.Pki.Dispose();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, but the operator did not list the stand-in's (loopback) responder host.</summary>
public sealed class UnlistedResponderPlugAndChargeFactory : PlugAndChargeFactory
{
    protected override string? ListedResponderHost => null;
}

/// <summary>A valid contract whose eMAID has no id token yet gets one (PlugAndCharge:UnknownContractPolicy=Create).</summary>
public sealed class CreatingPlugAndChargeFactory : PlugAndChargeFactory
{
    protected override string UnknownContractPolicy => "Create";
}
