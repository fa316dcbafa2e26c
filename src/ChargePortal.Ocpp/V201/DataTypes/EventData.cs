namespace ChargePortal.Ocpp.V201;

/// <summary>Class to report an event notification for a component-variable.</summary>
public sealed record EventData
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Identifies the event. This field can be referred to as a cause by other events.</summary>
    public required int EventId { get; init; }

    /// <summary>Timestamp of the moment the report was generated.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Type of monitor that triggered this event, e.g. exceeding a threshold value.</summary>
    public required EventTriggerEnum Trigger { get; init; }

    /// <summary>Refers to the Id of an event that is considered to be the cause for this event.</summary>
    public int? Cause { get; init; }

    /// <summary>The Configuration Variable ReportingValueSize can be used to limit GetVariableResult.attributeValue, VariableAttribute.value and EventData.actualValue. The max size of these values will always remain equal.</summary>
    public required string ActualValue { get; init; }

    /// <summary>Technical (error) code as reported by component.</summary>
    public string? TechCode { get; init; }

    /// <summary>Technical detail information as reported by component.</summary>
    public string? TechInfo { get; init; }

    /// <summary>_Cleared_ is set to true to report the clearing of a monitored situation, i.e. a 'return to normal'.</summary>
    public bool? Cleared { get; init; }

    /// <summary>If an event notification is linked to a specific transaction, this field can be used to specify its transactionId.</summary>
    public string? TransactionId { get; init; }

    /// <summary>A physical or logical component</summary>
    public required Component Component { get; init; }

    /// <summary>Identifies the VariableMonitoring which triggered the event.</summary>
    public int? VariableMonitoringId { get; init; }

    /// <summary>Specifies the event notification type of the message.</summary>
    public required EventNotificationEnum EventNotificationType { get; init; }

    /// <summary>Reference key to a component-variable.</summary>
    public required Variable Variable { get; init; }
}
