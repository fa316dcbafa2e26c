using ChargePortal.Web.Data;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Reservations;

public sealed record BookingRequest(int ConnectorRefId, DateTimeOffset StartsAt, int DurationMinutes);

public enum BookingOutcome
{
    Booked,
    Invalid,
    SlotTaken,

    /// <summary>The driver already has <see cref="ReservationOptions.MaxActivePerDriver"/> booked or held.</summary>
    LimitReached,

    /// <summary>No saved payment card: a no-show fee could not be charged.</summary>
    CardRequired,
}

public sealed record BookingResult(BookingOutcome Outcome, int? ReservationId = null, string? Error = null);

public enum CancelOutcome
{
    Cancelled,
    NotFound,
    NotCancellable,
}

public sealed record CancelResult(CancelOutcome Outcome, string Message);

/// <summary>A reservation as the pages show it.</summary>
public sealed record ReservationView(
    int Id,
    string StationId,
    string StationName,
    string? SiteName,
    string SiteTimeZoneId,
    int ConnectorRefId,
    int ConnectorId,
    string ConnectorType,
    string? UserEmail,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    ReservationStatus Status,
    string? StatusDetail,
    decimal? NoShowFee,
    Payments.PaymentStatus? NoShowPaymentStatus = null,
    string? NoShowCurrency = null)
{
    public bool CanCancel => Status is ReservationStatus.Booked or ReservationStatus.Held;
}

/// <summary>The held reservation of a connector right now, for disabling the start button for everyone else.</summary>
public sealed record HeldSlot(int ConnectorRefId, string? UserId, DateTimeOffset EndsAt);

/// <summary>Booking, cancelling and listing reservations. The database, not this class, guarantees no overlaps.</summary>
public sealed class ReservationService(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<ReservationOptions> options,
    AppTokens appTokens,
    ReservationCommands commands,
    PaymentCards cards,
    TimeProvider time)
{
    private readonly ReservationOptions _options = options.Value;

    public ReservationOptions Limits => _options;

    /// <summary>Checks a request against the operator's limits; null when it is acceptable.</summary>
    public static string? Validate(BookingRequest request, DateTimeOffset now, ReservationOptions limits)
    {
        var slot = limits.Slot;
        if (request.DurationMinutes < limits.SlotMinutes || request.DurationMinutes > limits.MaxDurationMinutes
            || request.DurationMinutes % limits.SlotMinutes != 0)
        {
            return $"The duration must be {limits.SlotMinutes} to {limits.MaxDurationMinutes} minutes, in steps of {limits.SlotMinutes}.";
        }

        if (request.StartsAt.UtcTicks % slot.Ticks != 0)
        {
            return $"A reservation starts on a {limits.SlotMinutes}-minute boundary.";
        }

        if (request.StartsAt < FloorToSlot(now, slot))
        {
            return "That time has passed: choose a later start.";
        }

        if (request.StartsAt > now.AddDays(limits.MaxDaysAhead))
        {
            return $"Reservations can be made at most {limits.MaxDaysAhead} days ahead.";
        }

        return null;
    }

    public static DateTimeOffset FloorToSlot(DateTimeOffset at, TimeSpan slot) =>
        new(at.UtcTicks - (at.UtcTicks % slot.Ticks), TimeSpan.Zero);

    public async Task<BookingResult> BookAsync(string userId, BookingRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (Validate(request, now, _options) is { } error)
        {
            return new(BookingOutcome.Invalid, Error: error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connector = await db.Connectors.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ConnectorRefId, ct);
        if (connector is null)
        {
            return new(BookingOutcome.Invalid, Error: "There is no such connector.");
        }

        if (await cards.GetAsync(userId, ct) is null)
        {
            return new(BookingOutcome.CardRequired, Error: "Save a payment card first (Account → Payment card): a no-show fee is charged to it if you do not come.");
        }

        var active = await ActiveCountAsync(db, userId, now, ct);
        if (active >= _options.MaxActivePerDriver)
        {
            return new(BookingOutcome.LimitReached, Error:
                $"You already have {active} upcoming reservation{(active == 1 ? "" : "s")}, the most one driver may hold. Cancel one or wait until it has passed.");
        }

        var start = new DateTimeOffset(request.StartsAt.UtcDateTime, TimeSpan.Zero);
        var end = start.AddMinutes(request.DurationMinutes);
        if (await AnySlotTakenAsync(db, connector.Id, start, end, ct))
        {
            return SlotTaken();
        }

        var idTag = await appTokens.EnsureForUserAsync(userId, ct);
        var reservation = new Reservation
        {
            ConnectorRefId = connector.Id,
            StationId = connector.StationId,
            UserId = userId,
            IdTag = idTag,
            StartsAt = start,
            EndsAt = end,
            CreatedAt = now,
        };
        for (var slot = start; slot < end; slot += _options.Slot)
        {
            reservation.Slots.Add(new ReservationSlot { ConnectorRefId = connector.Id, SlotStart = slot });
        }

        db.Reservations.Add(reservation);
        try
        {
            // One SaveChanges: the reservation and all its slot rows commit together or not at all.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost the race: a concurrent booking committed a slot of ours first (unique index).
            await using var check = await dbFactory.CreateDbContextAsync(ct);
            if (await AnySlotTakenAsync(check, connector.Id, start, end, ct))
            {
                return SlotTaken();
            }

            throw;
        }

        return new(BookingOutcome.Booked, reservation.Id);
    }

    public async Task<CancelResult> CancelAsync(int reservationId, string userId, bool asOperator, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reservation = await db.Reservations.Include(r => r.Slots).Include(r => r.Connector).ThenInclude(c => c!.Station)
            .FirstOrDefaultAsync(r => r.Id == reservationId, ct);
        if (reservation is null || (!asOperator && reservation.UserId != userId))
        {
            return new(CancelOutcome.NotFound, "There is no such reservation.");
        }

        if (reservation.Status is not (ReservationStatus.Booked or ReservationStatus.Held))
        {
            return new(CancelOutcome.NotCancellable, $"This reservation is {reservation.Status} and can no longer be cancelled.");
        }

        var detail = asOperator && reservation.UserId != userId ? "Cancelled by an operator." : "Cancelled.";
        if (reservation.Status == ReservationStatus.Held)
        {
            var answer = await commands.CancelAsync(reservation, userId, ct);
            detail += answer.Accepted ? " The station released the connector." : $" {answer.Detail}";
        }

        reservation.Status = ReservationStatus.Cancelled;
        reservation.StatusDetail = Trim(detail);
        db.ReservationSlots.RemoveRange(reservation.Slots);
        await db.SaveChangesAsync(ct);
        return new(CancelOutcome.Cancelled, reservation.StatusDetail!);
    }

    public async Task<IReadOnlyList<ReservationView>> ListForUserAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db, db.Reservations.Where(r => r.UserId == userId).OrderByDescending(r => r.StartsAt).Take(100)).ToListAsync(ct);
    }

    /// <summary>Every reservation from <paramref name="from"/> on, for operators.</summary>
    public async Task<IReadOnlyList<ReservationView>> ListAllAsync(DateTimeOffset from, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db, db.Reservations.Where(r => r.EndsAt >= from).OrderBy(r => r.StartsAt).Take(500)).ToListAsync(ct);
    }

    public async Task<ReservationView?> FindAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db, db.Reservations.Where(r => r.Id == id)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The next free slot starts of each connector of a station, from the current slot on.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<DateTimeOffset>>> NextFreeSlotsAsync(string stationId, int count, TimeSpan horizon, CancellationToken ct)
    {
        var from = FloorToSlot(time.GetUtcNow(), _options.Slot);
        var to = from + horizon;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connectorIds = await db.Connectors.Where(c => c.StationId == stationId).Select(c => c.Id).ToListAsync(ct);
        var taken = (await db.ReservationSlots.AsNoTracking()
                .Where(s => connectorIds.Contains(s.ConnectorRefId) && s.SlotStart >= from && s.SlotStart < to)
                .Select(s => new { s.ConnectorRefId, s.SlotStart }).ToListAsync(ct))
            .ToLookup(s => s.ConnectorRefId, s => s.SlotStart);
        var result = new Dictionary<int, IReadOnlyList<DateTimeOffset>>();
        foreach (var id in connectorIds)
        {
            var busy = taken[id].ToHashSet();
            var free = new List<DateTimeOffset>(count);
            for (var slot = from; slot < to && free.Count < count; slot += _options.Slot)
            {
                if (!busy.Contains(slot))
                {
                    free.Add(slot);
                }
            }

            result[id] = free;
        }

        return result;
    }

    /// <summary>Taken slot starts of one connector in a window (for the booking form).</summary>
    public async Task<IReadOnlySet<DateTimeOffset>> TakenSlotsAsync(int connectorRefId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slots = await db.ReservationSlots.AsNoTracking()
            .Where(s => s.ConnectorRefId == connectorRefId && s.SlotStart >= from && s.SlotStart < to)
            .Select(s => s.SlotStart).ToListAsync(ct);
        return slots.ToHashSet();
    }

    /// <summary>Reservations holding a connector of the station right now (ReserveNow accepted).</summary>
    public async Task<IReadOnlyList<HeldSlot>> HeldNowAsync(string stationId, CancellationToken ct)
    {
        var graceStart = time.GetUtcNow() - _options.Grace;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Reservations.AsNoTracking()
            .Where(r => r.StationId == stationId && r.Status == ReservationStatus.Held && r.EndsAt > graceStart)
            .Select(r => new HeldSlot(r.ConnectorRefId, r.UserId, r.EndsAt)).ToListAsync(ct);
    }

    /// <summary>The driver's reservations booked or held and not yet over.</summary>
    public async Task<int> ActiveCountAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ActiveCountAsync(db, userId, time.GetUtcNow(), ct);
    }

    private static Task<int> ActiveCountAsync(AppDbContext db, string userId, DateTimeOffset now, CancellationToken ct) =>
        db.Reservations.CountAsync(r => r.UserId == userId && (r.Status == ReservationStatus.Booked || r.Status == ReservationStatus.Held) && r.EndsAt > now, ct);

    private static async Task<bool> AnySlotTakenAsync(AppDbContext db, int connectorRefId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct) =>
        await db.ReservationSlots.AnyAsync(s => s.ConnectorRefId == connectorRefId && s.SlotStart >= start && s.SlotStart < end, ct);

    private static BookingResult SlotTaken() =>
        new(BookingOutcome.SlotTaken, Error: "Someone else has just reserved that time on this connector. Choose another time or connector.");

    private static IQueryable<ReservationView> Project(AppDbContext db, IQueryable<Reservation> query) => query.Select(r => new ReservationView(
        r.Id,
        r.StationId,
        r.Connector!.Station!.Name,
        r.Connector.Station.Site != null ? r.Connector.Station.Site.Name : null,
        r.Connector.Station.Site != null ? r.Connector.Station.Site.TimeZoneId : "UTC",
        r.ConnectorRefId,
        r.Connector.ConnectorId,
        r.Connector.Type.ToString(),
        r.User != null ? r.User.Email : null,
        r.StartsAt,
        r.EndsAt,
        r.Status,
        r.StatusDetail,
        r.NoShowFee,
        db.Payments.Where(p => p.Id == r.NoShowPaymentId).Select(p => (Payments.PaymentStatus?)p.Status).FirstOrDefault(),
        db.Payments.Where(p => p.Id == r.NoShowPaymentId).Select(p => p.Currency).FirstOrDefault()));

    internal static string Trim(string text) => text.Length <= 200 ? text : text[..200];
}

/// <summary>The app token a driver's reservations and app starts use (IdToken Kind=App), created on first need.</summary>
public sealed class AppTokens(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<string> EnsureForUserAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await FirstAsync(db, userId, ct) is { } existing)
        {
            return existing.IdTag;
        }

        // "APP-" + 16 hex digits: 20 characters, the OCPP 1.6 idTag limit.
        var token = new IdToken
        {
            IdTag = "APP-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)),
            Kind = IdTokenKind.App,
            UserId = userId,
            Label = "ChargePortal app",
            CreatedAt = time.GetUtcNow(),
        };
        db.IdTokens.Add(token);
        await db.SaveChangesAsync(ct);

        // Two first bookings at once may both have created one: everyone keeps the oldest, the spare goes.
        var first = (await FirstAsync(db, userId, ct))!;
        if (first.Id != token.Id)
        {
            db.IdTokens.Remove(token);
            await db.SaveChangesAsync(ct);
        }

        return first.IdTag;
    }

    private static Task<IdToken?> FirstAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.IdTokens.AsNoTracking().Where(t => t.UserId == userId && t.Kind == IdTokenKind.App && t.Status == IdTokenStatus.Accepted)
            .OrderBy(t => t.Id).FirstOrDefaultAsync(ct);
}
