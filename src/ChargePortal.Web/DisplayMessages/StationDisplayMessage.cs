using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.DisplayMessages;

/// <summary>
/// A display message a 2.0.1 station holds, as the CSMS last learned it: set by an accepted SetDisplayMessage,
/// reported in a NotifyDisplayMessages part, removed by an accepted (or Unknown) ClearDisplayMessage and by a report
/// that no longer lists it. Message ids are the station's message ids, unique per station.
/// </summary>
public sealed class StationDisplayMessage
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public int MessageId { get; set; }

    /// <summary>AlwaysFront, InFront or NormalCycle.</summary>
    public required string Priority { get; set; }

    /// <summary>Charging, Faulted, Idle or Unavailable; null: shown in any state.</summary>
    public string? State { get; set; }
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>Shown only during this transaction (O02); the station drops it when the transaction ends.</summary>
    public string? TransactionId { get; set; }

    /// <summary>ASCII, HTML, URI or UTF8.</summary>
    public required string Format { get; set; }
    public string? Language { get; set; }
    public required string Content { get; set; }

    /// <summary>Set (through this CSMS) or Reported (first learned from the station's report).</summary>
    public required string Source { get; set; }

    /// <summary>The GetDisplayMessages request whose report last listed it (null: never reported).</summary>
    public int? ReportedInRequest { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One GetDisplayMessages request and how its report went: the criteria, the station's answer, how many messages its
/// NotifyDisplayMessages parts listed and when the last part (tbc false) arrived.
/// </summary>
public sealed class DisplayMessageQuery
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public int RequestId { get; set; }

    /// <summary>The message ids asked for, comma-separated (null: any id).</summary>
    public string? RequestedIds { get; set; }

    /// <summary>The priority asked for (null: any).</summary>
    public string? Priority { get; set; }

    /// <summary>The state asked for (null: any).</summary>
    public string? State { get; set; }

    public bool AskedForAll => RequestedIds is null && Priority is null && State is null;

    /// <summary>The ids asked for (empty: any id).</summary>
    public IReadOnlyList<int> Ids => RequestedIds is null ? [] : [.. RequestedIds.Split(',').Select(i => int.Parse(i, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The criteria for people, e.g. "ids 3, 4 · priority InFront"; "all messages" without criteria.</summary>
    public string Criteria => AskedForAll
        ? "all messages"
        : string.Join(" · ", new[]
        {
            RequestedIds is null ? null : $"ids {string.Join(", ", Ids)}",
            Priority is null ? null : $"priority {Priority}",
            State is null ? null : $"state {State}",
        }.OfType<string>());

    /// <summary>Accepted or Unknown (no message matches) as the station answered.</summary>
    public required string Status { get; set; }
    public int Reported { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

internal sealed class StationDisplayMessageConfiguration : IEntityTypeConfiguration<StationDisplayMessage>
{
    public void Configure(EntityTypeBuilder<StationDisplayMessage> b)
    {
        b.ToTable("DisplayMessages");
        b.Property(m => m.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(m => m.Priority).HasMaxLength(16);
        b.Property(m => m.State).HasMaxLength(16);
        b.Property(m => m.TransactionId).HasMaxLength(36);
        b.Property(m => m.Format).HasMaxLength(8);
        b.Property(m => m.Language).HasMaxLength(8);
        b.Property(m => m.Content).HasMaxLength(512);
        b.Property(m => m.Source).HasMaxLength(16);
        b.HasIndex(m => new { m.StationId, m.MessageId }).IsUnique();
        b.HasOne<Station>().WithMany().HasForeignKey(m => m.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisplayMessageQueryConfiguration : IEntityTypeConfiguration<DisplayMessageQuery>
{
    public void Configure(EntityTypeBuilder<DisplayMessageQuery> b)
    {
        b.ToTable("DisplayMessageQueries");
        b.Property(q => q.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(q => q.RequestedIds).HasMaxLength(400);
        b.Property(q => q.Priority).HasMaxLength(16);
        b.Property(q => q.State).HasMaxLength(16);
        b.Ignore(q => q.AskedForAll);
        b.Ignore(q => q.Ids);
        b.Ignore(q => q.Criteria);
        b.Property(q => q.Status).HasMaxLength(32);
        b.HasIndex(q => new { q.StationId, q.RequestId });
        b.HasOne<Station>().WithMany().HasForeignKey(q => q.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}
