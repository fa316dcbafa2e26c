namespace ChargePortal.Web.LoadManagement;

/// <summary>
/// An active session competing for the site's power; <see cref="ConnectorMaxPowerW"/> 0 or less means unknown (no cap).
/// <see cref="ExternalLimitW"/> is a hard cap an external system imposes (NotifyChargingLimit); 0 there means nothing at all.
/// </summary>
public sealed record LoadSession(string Key, int ConnectorMaxPowerW, int? ExternalLimitW = null)
{
    /// <summary>The most this session can take, or null when nothing caps it.</summary>
    public int? CapW => (ConnectorMaxPowerW > 0 ? ConnectorMaxPowerW : (int?)null, ExternalLimitW) switch
    {
        ({ } connector, { } external) => Math.Min(connector, Math.Max(0, external)),
        ({ } connector, null) => connector,
        (null, { } external) => Math.Max(0, external),
        _ => null,
    };
}

/// <summary>The power one session may draw.</summary>
public sealed record LoadShare(string Key, int LimitW);

/// <summary>
/// Splits a site's power limit fairly among its active sessions. A session whose connector cannot take its
/// equal share gets its connector's maximum (or what an external limit leaves it), and what it leaves is shared among
/// the others (water-filling).
/// Shares are whole watts, rounded down, so their sum never exceeds the site limit.
/// </summary>
public static class LoadShareCalculator
{
    /// <summary>No shares when the site has no limit (nothing to enforce) or no sessions.</summary>
    public static IReadOnlyList<LoadShare> Calculate(int? siteMaxPowerW, IReadOnlyList<LoadSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (siteMaxPowerW is not { } limit || sessions.Count == 0)
        {
            return [];
        }

        var remaining = Math.Max(0L, limit);
        var shares = new Dictionary<string, int>(StringComparer.Ordinal);
        var open = sessions.ToList();

        // Fix the sessions capped below the equal share first; each round frees power for the rest.
        while (open.Count > 0)
        {
            var equal = remaining / open.Count;
            var capped = open.Where(s => s.CapW is { } cap && cap <= equal).ToList();
            if (capped.Count == 0)
            {
                foreach (var session in open)
                {
                    shares[session.Key] = (int)equal;
                }

                break;
            }

            foreach (var session in capped)
            {
                shares[session.Key] = session.CapW!.Value;
                remaining -= session.CapW!.Value;
                open.Remove(session);
            }
        }

        return [.. sessions.Select(s => new LoadShare(s.Key, shares[s.Key]))];
    }
}
