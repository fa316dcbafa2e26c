using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.PlugAndCharge;

/// <summary>What the CSMS posts to the contract-certificate provider: the station's request, the EXI exactly as received.</summary>
public sealed record ContractCertificateRequest(string StationId, string Iso15118SchemaVersion, string Action, string ExiRequest);

/// <summary>The provider's answer: <c>Accepted</c> with the EXI CertificateInstallationRes/CertificateUpdateRes, or <c>Failed</c>.</summary>
public sealed record ContractCertificateProviderAnswer(string? Status, string? ExiResponse);

/// <summary>The outcome handed back to the station: the EXI response untouched, or why there is none.</summary>
public sealed record ContractCertificateResult(bool Accepted, string ExiResponse, string? Reason)
{
    public static ContractCertificateResult Failed(string reason) => new(false, "", reason);
}

/// <summary>
/// Forwards a station's Get15118EVCertificate (M01/M02) to the operator's PKI or eMSP over HTTP. The CSMS cannot and
/// does not read the EXI stream: it is passed through byte for byte both ways.
/// </summary>
public sealed partial class ContractCertificateProvider(IHttpClientFactory httpFactory, IOptions<PlugAndChargeOptions> options, ILogger<ContractCertificateProvider> logger)
{
    public const string HttpClientName = "contract-certificate-provider";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public async Task<ContractCertificateResult> RequestAsync(ContractCertificateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (settings.ProviderUri is not { } endpoint)
        {
            LogNoProvider(logger, request.StationId, request.Action);
            return ContractCertificateResult.Failed("No contract-certificate provider is configured.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.ProviderTimeoutSeconds));
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(request, options: Json) };
            if (!string.IsNullOrEmpty(settings.ContractCertificateProviderApiKey))
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ContractCertificateProviderApiKey);
            }

            using var response = await httpFactory.CreateClient(HttpClientName).SendAsync(message, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogProviderFailed(logger, request.StationId, $"HTTP {(int)response.StatusCode}");
                return ContractCertificateResult.Failed($"The contract-certificate provider answered HTTP {(int)response.StatusCode}.");
            }

            var answer = await response.Content.ReadFromJsonAsync<ContractCertificateProviderAnswer>(Json, timeout.Token);
            if (answer is { Status: "Accepted", ExiResponse: { Length: > 0 } exi })
            {
                return new ContractCertificateResult(true, exi, null);
            }

            LogProviderFailed(logger, request.StationId, $"status {answer?.Status ?? "(none)"}");
            return new ContractCertificateResult(false, answer?.ExiResponse ?? "", $"The contract-certificate provider answered {answer?.Status ?? "without a status"}.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            LogProviderFailed(logger, request.StationId, $"no answer within {settings.ProviderTimeoutSeconds} s");
            return ContractCertificateResult.Failed("The contract-certificate provider did not answer in time.");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException)
        {
            LogProviderFailed(logger, request.StationId, ex.Message);
            return ContractCertificateResult.Failed("The contract-certificate provider could not be reached or gave no valid answer.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Get15118EVCertificate ({Action}) from {StationId} answered Failed: no contract-certificate provider is configured (PlugAndCharge:ContractCertificateProviderUrl)")]
    private static partial void LogNoProvider(ILogger logger, string stationId, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Get15118EVCertificate from {StationId} answered Failed: the contract-certificate provider failed ({Reason})")]
    private static partial void LogProviderFailed(ILogger logger, string stationId, string reason);
}
