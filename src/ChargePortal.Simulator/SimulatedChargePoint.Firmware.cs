using System.Globalization;
using ChargePortal.Ocpp;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Simulator;

public sealed partial class SimulatedChargePoint
{
    internal void SetFirmwareStatus(string status, string? newVersion = null)
    {
        lock (_lock)
        {
            _firmwareStatus = status;
            if (newVersion is not null)
            {
                FirmwareVersion = newVersion;
            }
        }

        Raise(ChargePointChangeKind.Firmware, null, $"Firmware {status}");
    }

    internal void SetDiagnosticsStatus(string status)
    {
        lock (_lock)
        {
            _diagnosticsStatus = status;
        }

        Raise(ChargePointChangeKind.Diagnostics, null, $"Diagnostics {status}");
    }

    /// <summary>Uploads a small diagnostics text file with HTTP PUT (POST when the server answers 405). A location ending in "/" gets the file name appended.</summary>
    internal async Task<bool> UploadDiagnosticsAsync(string location, string fileName, CancellationToken ct)
    {
        try
        {
            var target = new Uri(location.EndsWith('/') ? location + Uri.EscapeDataString(fileName) : location);
            if (target.Scheme is not ("http" or "https"))
            {
                _logger.LogWarning("{Id}: cannot upload diagnostics to {Location}: only HTTP(S) is supported.", Id, location);
                return false;
            }

            var body = string.Join('\n', [
                $"ChargePortal simulator diagnostics for {Id}",
                $"Generated: {_time.GetUtcNow():O}",
                $"Protocol: OCPP {Version.DisplayName()}",
                $"Firmware: {FirmwareVersion}",
                .. Connectors.Select(c => $"Connector {c.ConnectorId}: {c.Status}, meter {c.Transaction?.MeterWh.ToString(CultureInfo.InvariantCulture) ?? "-"} Wh"),
            ]);
            using var put = new HttpRequestMessage(HttpMethod.Put, target) { Content = new StringContent(body) };
            using var response = await _http.SendAsync(put, ct);
            if (response.StatusCode == System.Net.HttpStatusCode.MethodNotAllowed)
            {
                using var post = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body) };
                using var postResponse = await _http.SendAsync(post, ct);
                return postResponse.IsSuccessStatusCode;
            }

            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or UriFormatException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            _logger.LogWarning("{Id}: diagnostics upload to {Location} failed: {Message}", Id, location, ex.Message);
            return false;
        }
    }

    /// <summary>Applies a local authorisation list update; returns false on a differential update with a stale version.</summary>
    internal bool UpdateLocalList(int version, bool full, IEnumerable<(string IdTag, bool? Accepted)> entries)
    {
        lock (_lock)
        {
            if (!full && version <= _localListVersion && _localListVersion != 0)
            {
                return false;
            }

            if (full)
            {
                _localList.Clear();
            }

            foreach (var (idTag, accepted) in entries)
            {
                if (accepted is { } ok)
                {
                    _localList[idTag] = ok;
                }
                else
                {
                    _localList.Remove(idTag);
                }
            }

            _localListVersion = version;
        }

        Raise(ChargePointChangeKind.LocalList, null, $"Local list version {version} ({(full ? "full" : "differential")}).");
        return true;
    }
}
