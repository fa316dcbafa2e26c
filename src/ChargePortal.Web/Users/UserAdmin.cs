using ChargePortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Users;

public sealed record UserRow(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool Locked, bool EmailConfirmed, DateTimeOffset CreatedAt);

public sealed record UserChangeResult(bool Done, string? Error);

/// <summary>
/// Admin changes to users: roles and lock-out. Each call uses its own scope (UserManager is scoped and a
/// Blazor circuit lives long). An admin cannot lock themselves out or drop their own Admin role.
/// </summary>
public sealed class UserAdmin(IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(string? search, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(s));
        }

        var list = await query.OrderBy(u => u.Email).Take(500).ToListAsync(ct);
        var now = time.GetUtcNow();
        var rows = new List<UserRow>(list.Count);
        foreach (var user in list)
        {
            var roles = await users.GetRolesAsync(user);
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? user.Id, user.DisplayName, [.. roles.Order(StringComparer.Ordinal)],
                user.LockoutEnd is { } end && end > now, user.EmailConfirmed, user.CreatedAt));
        }

        return rows;
    }

    public async Task<UserChangeResult> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, string actingUserId)
    {
        var unknown = roles.Where(r => !Roles.All.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            return new(false, $"Unknown role: {string.Join(", ", unknown)}.");
        }

        if (userId == actingUserId && !roles.Contains(Roles.Admin))
        {
            return new(false, "You cannot remove your own Admin role.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new(false, "That user no longer exists.");
        }

        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(current)) : removed;
        if (added.Succeeded && !current.ToHashSet(StringComparer.Ordinal).SetEquals(roles))
        {
            // A new stamp makes open circuits, hub connections and cookies of this user re-authenticate with the new roles.
            added = await users.UpdateSecurityStampAsync(user);
        }

        return added.Succeeded ? new(true, null) : new(false, string.Join(" ", added.Errors.Select(e => e.Description)));
    }

    public async Task<UserChangeResult> SetLockedAsync(string userId, bool locked, string actingUserId)
    {
        if (locked && userId == actingUserId)
        {
            return new(false, "You cannot lock your own account.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new(false, "That user no longer exists.");
        }

        IdentityResult result;
        if (locked)
        {
            result = await users.SetLockoutEnabledAsync(user, true);
            if (result.Succeeded)
            {
                result = await users.SetLockoutEndDateAsync(user, AdminLock.Forever);
            }

            // The security stamp change makes the revalidating auth state provider end their open sessions.
            if (result.Succeeded)
            {
                result = await users.UpdateSecurityStampAsync(user);
            }
        }
        else
        {
            result = await users.SetLockoutEndDateAsync(user, null);
            if (result.Succeeded)
            {
                result = await users.ResetAccessFailedCountAsync(user);
            }
        }

        return result.Succeeded ? new(true, null) : new(false, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
