using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Stations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.StationSecurity;

/// <summary>
/// Basic-auth passwords of stations (security profiles 1 and 2): the rules a password must meet, generation, the OCPP
/// messages that hand a station its new password (A01) and storing the salted hash once the station took it: it observes
/// every answered CSMS→station call.
/// </summary>
public sealed partial class StationPasswords(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, TimeProvider time, ILogger<StationPasswords> logger)
    : IStationCallObserver
{
    public const int MinLength = 16;
    public const int MaxLength = 40;

    /// <summary>The 1.6 AuthorizationKey carries the password hex-encoded, at most 20 bytes (40 hex digits).</summary>
    public const int MaxV16Bytes = 20;

    public const string V16Key = "AuthorizationKey";
    public const string V201Component = "SecurityCtrlr";
    public const string V201Variable = "BasicAuthPassword";

    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // OCPP 2.0.1 passwordString (part 2, 2.1.4): letters, digits and * - _ = : + | @ .
    private static readonly SearchValues<char> PasswordChars = SearchValues.Create(Alphanumerics + "*-_=:+|@.");
    private static readonly PasswordHasher<Station> Hasher = new();

    /// <summary>
    /// A random passwordString of 20 letters and digits (about 119 bits): inside OCPP's 16–40 characters and, as UTF-8,
    /// inside the 20 bytes a 1.6 AuthorizationKey can hold.
    /// </summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphanumerics, MaxV16Bytes);

    /// <returns>Why <paramref name="password"/> is not an OCPP station password, or null.</returns>
    public static string? Validate(string password) =>
        password.Length is < MinLength or > MaxLength ? $"password must be {MinLength} to {MaxLength} characters (OCPP security profiles 1 and 2)."
        : password.AsSpan().ContainsAnyExcept(PasswordChars) ? "password may contain only letters, digits and * - _ = : + | @ . (OCPP passwordString)."
        : null;

    public static string Hash(Station station, string password) => Hasher.HashPassword(station, password);

    /// <summary>The 1.6 AuthorizationKey value for <paramref name="password"/>: its UTF-8 bytes as hex (Security Whitepaper 7.2).</summary>
    public static string ToAuthorizationKey(string password) => Convert.ToHexString(Encoding.UTF8.GetBytes(password));

    /// <summary>
    /// The password a 1.6 AuthorizationKey value stands for: the hex-decoded UTF-8 text, or the value itself when it is
    /// not hex (an operator who typed the password as it is).
    /// </summary>
    public static string FromAuthorizationKey(string value) => TryHexText(value) ?? value;

    /// <summary>
    /// Whether <paramref name="presented"/> is the station's password. A 1.6 station may send its AuthorizationKey as
    /// stored (the hex text) rather than the bytes it stands for; both prove the same secret.
    /// </summary>
    public static bool Verify(Station station, string presented)
    {
        if (station.PasswordHash is null)
        {
            return false;
        }

        if (Hasher.VerifyHashedPassword(station, station.PasswordHash, presented) != PasswordVerificationResult.Failed)
        {
            return true;
        }

        return TryHexText(presented) is { } decoded && Hasher.VerifyHashedPassword(station, station.PasswordHash, decoded) != PasswordVerificationResult.Failed;
    }

    /// <summary>
    /// The password a CSMS→station call hands the station (1.6 ChangeConfiguration AuthorizationKey, 2.0.1 SetVariables
    /// SecurityCtrlr.BasicAuthPassword), or null when the call sets none.
    /// </summary>
    public static string? PasswordIn(string action, JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (action == "ChangeConfiguration"
            && payload.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String && key.GetString() == V16Key
            && payload.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
        {
            return FromAuthorizationKey(value.GetString()!);
        }

        return action == "SetVariables" && BasicAuthPasswordIndex(payload) is { } index
            ? payload.GetProperty("setVariableData")[index].GetProperty("attributeValue").GetString()
            : null;
    }

    /// <summary>Whether the station's answer to a password-setting call says it took the password (A01.FR.03).</summary>
    public static bool Accepted(string action, JsonElement payload, JsonElement response)
    {
        if (response.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (action == "ChangeConfiguration")
        {
            return response.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String && status.GetString() == "Accepted";
        }

        if (BasicAuthPasswordIndex(payload) is null || !response.TryGetProperty("setVariableResult", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        return results.EnumerateArray().Any(r => r.ValueKind == JsonValueKind.Object
            && Named(r, "component", V201Component) && Named(r, "variable", V201Variable)
            && r.TryGetProperty("attributeStatus", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() == "Accepted");
    }

    /// <summary>Replaces the stored hash: from now on only <paramref name="password"/> opens the station's connection.</summary>
    public async Task StoreAsync(string stationId, string password, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Id == stationId, ct);
        if (station is null)
        {
            return;
        }

        station.PasswordHash = Hash(station, password);
        station.PasswordChangedAt = time.GetUtcNow();
        if (station.SecurityProfile == 0)
        {
            station.SecurityProfile = 1;
        }

        using (await writeGate.EnterAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }

        LogPasswordChanged(stationId);
    }

    /// <summary>
    /// Called with every answered CSMS→station call: a password the station accepted replaces the stored one, whichever
    /// path sent it (the credentials API, set-configuration, a raw ChangeConfiguration/SetVariables; A01.FR.03).
    /// </summary>
    public async Task OnAnsweredAsync(string stationId, OcppOutgoingCall call, JsonElement response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (PasswordIn(call.Action, call.Payload) is { } password && Accepted(call.Action, call.Payload, response))
        {
            await StoreAsync(stationId, password, ct);
        }
    }

    private static int? BasicAuthPasswordIndex(JsonElement payload)
    {
        if (!payload.TryGetProperty("setVariableData", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var index = 0;
        foreach (var item in data.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && Named(item, "component", V201Component) && Named(item, "variable", V201Variable)
                && item.TryGetProperty("attributeValue", out var value) && value.ValueKind == JsonValueKind.String)
            {
                return index;
            }

            index++;
        }

        return null;
    }

    private static bool Named(JsonElement element, string property, string name) =>
        element.TryGetProperty(property, out var named) && named.ValueKind == JsonValueKind.Object
        && named.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() == name
        && !named.TryGetProperty("instance", out _);

    private static string? TryHexText(string value)
    {
        if (value.Length == 0 || value.Length % 2 != 0 || !value.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromHexString(value));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The Basic-auth password of {StationId} was replaced; the previous one is no longer accepted")]
    private partial void LogPasswordChanged(string stationId);
}
