using System.Net;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Web.Tests.Firmware;

/// <summary>
/// The host with a firmware signing certificate generated at start (Development) and a file server on 127.0.0.1 that
/// serves a firmware image, so the CSMS can sign what it hands stations.
/// </summary>
public sealed class SignedFirmwareFactory : KestrelChargePortalFactory, IAsyncLifetime
{
    private WebApplication? _files;

    /// <summary>The image's bytes (arbitrary, as firmware is).</summary>
    public byte[] Image { get; } = [.. Enumerable.Range(0, 200_000).Select(i => (byte)(i * 31 % 251))];

    public Uri ImageUri { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["FirmwareSigning:GenerateDevelopmentCertificate"] = "true",
    };

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _files = builder.Build();
        _files.MapGet("/images/fw-3.0.bin", () => Results.Bytes(Image, "application/octet-stream"));
        await _files.StartAsync();
        ImageUri = new Uri(_files.Urls.First() + "/images/fw-3.0.bin");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_files is not null)
        {
            await _files.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
