namespace ChargePortal.Web.Stations.Pages;

/// <summary>A row of the operator station grid; mutable so live events can patch it in place.</summary>
public sealed class StationRow(StationDto dto)
{
    public string Id { get; } = dto.Id;
    public string Name { get; } = dto.Name;
    public string? Site { get; } = dto.Site;
    public string? OcppVersion { get; set; } = dto.OcppVersion;
    public bool Online { get; set; } = dto.Online;
    public DateTimeOffset? LastSeen { get; set; } = dto.LastSeen;
    public List<ConnectorDto> Connectors { get; } = [.. dto.Connectors];

    /// <summary>Applies a live event; true when the row changed.</summary>
    public bool Apply(Live.StationEvent e)
    {
        switch (e)
        {
            case Live.StationConnected c:
                Online = true;
                OcppVersion = c.OcppVersion;
                LastSeen = c.At;
                return true;
            case Live.StationDisconnected d:
                Online = false;
                LastSeen = d.At;
                return true;
            case Live.ConnectorStatusChanged s:
                var index = Connectors.FindIndex(c => c.EvseId == s.EvseId && c.ConnectorId == s.ConnectorId);
                if (index >= 0)
                {
                    Connectors[index] = Connectors[index] with { Status = s.Status, ErrorCode = s.ErrorCode };
                }
                else if (s.ConnectorId > 0)
                {
                    Connectors.Add(new ConnectorDto(s.EvseId, s.ConnectorId, ConnectorType.Type2, 0, s.Status, s.ErrorCode));
                }

                LastSeen = s.At;
                return true;
            default:
                return false;
        }
    }
}
