using System.Security.Cryptography;
using System.Text;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Accounts.ApiKeys;

/// <summary>A freshly created key: the only moment its secret value exists outside the caller.</summary>
public sealed record CreatedApiKey(int Id, string Name, string Key);

public sealed record ApiKeySummary(int Id, string Name, string Prefix, string OwnerEmail, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed class ApiKeyService(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, TimeProvider time)
{
    private const string KeyPrefix = "cpk_";
    private const int PrefixLength = 12;

    public async Task<CreatedApiKey> CreateAsync(string userId, string name, CancellationToken ct = default)
    {
        var key = KeyPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return await StoreAsync(userId, name, key, ct);
    }

    /// <summary>Stores a key whose value is given (the Development seed's <c>Seed:OperatorApiKey</c>); idempotent.</summary>
    public async Task<CreatedApiKey> ImportAsync(string userId, string name, string key, CancellationToken ct = default)
    {
        var hash = Hash(key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.ApiKeys.FirstOrDefaultAsync(k => k.KeyHash == hash, ct);
        return existing is not null ? new CreatedApiKey(existing.Id, existing.Name, key) : await StoreAsync(userId, name, key, ct);
    }

    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking()
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Prefix, k.User!.Email ?? k.UserId, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync(ct);
        return [.. keys.OrderByDescending(k => k.CreatedAt)];
    }

    public async Task<bool> RevokeAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null || key.RevokedAt is not null)
        {
            return false;
        }

        key.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <returns>The owner's user id when the key is known and not revoked; otherwise null.</returns>
    public async Task<string?> ValidateAsync(string presentedKey, CancellationToken ct = default)
    {
        if (!presentedKey.StartsWith(KeyPrefix, StringComparison.Ordinal) || presentedKey.Length > 128)
        {
            return null;
        }

        var hash = Hash(presentedKey);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, ct);
        if (key is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        // Coarse last-used tracking: one write per key per minute at most, not one per request.
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            key.LastUsedAt = now;
            using var turn = await writeGate.EnterAsync(ct); // on the API's path, like the audit row (see AuditLog)
            await db.SaveChangesAsync(ct);
        }

        return key.UserId;
    }

    private async Task<CreatedApiKey> StoreAsync(string userId, string name, string key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException("A key needs a name of 1 to 100 characters.", nameof(name));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entity = new ApiKey
        {
            Name = name.Trim(),
            Prefix = key[..PrefixLength],
            KeyHash = Hash(key),
            UserId = userId,
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(entity.Id, entity.Name, key);
    }

    // The key is 256 random bits, so a fast hash is safe here: there is nothing to brute-force.
    internal static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
