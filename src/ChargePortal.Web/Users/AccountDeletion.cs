using ChargePortal.Web.Accounts;
using ChargePortal.Web.Audit;
using ChargePortal.Web.CustomerInformation;
using ChargePortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Users;

/// <summary>
/// An admin deletes a user's account. For a driver this also asks every 2.0.1 station that saw the driver's tokens to
/// clear them (N10, through <see cref="CustomerDataClearances"/>: recorded first and sent in the background, so the
/// deletion never waits on a station), deletes the tokens and audits it all. Accounts with payment records are kept
/// (the records are accounting data that name the account); the admin is told to lock the account instead.
/// </summary>
public sealed class AccountDeletion(
    IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, CustomerDataClearances clearances, AuditLog audit)
{
    public const string AuditAction = "delete-account";

    public async Task<UserChangeResult> DeleteAsync(string userId, string actingUserId, string actingName, CancellationToken ct)
    {
        if (userId == actingUserId)
        {
            return new(false, "You cannot delete your own account here.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new(false, "That user no longer exists.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var payments = await db.Payments.CountAsync(p => p.UserId == userId, ct);
        if (payments > 0)
        {
            return new(false, $"{user.Email} has {payments} payment record(s), which are kept for accounting; lock the account instead.");
        }

        var email = user.Email ?? user.Id;
        var queued = await clearances.QueueForDriverAsync(userId, $"account of {email} deleted", actingName, ct);
        using (await writeGate.EnterAsync(ct))
        {
            await db.IdTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        }

        var deleted = await users.DeleteAsync(user);
        var outcome = deleted.Succeeded ? $"Deleted; {queued} station clear(s) queued" : string.Join(" ", deleted.Errors.Select(e => e.Description));
        await audit.RecordAsync(actingName, actingUserId, AuditAction, null, $"account {email}", outcome, ct);
        return deleted.Succeeded ? new(true, null) : new(false, outcome);
    }
}
