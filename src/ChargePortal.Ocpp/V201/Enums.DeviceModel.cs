using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V201;

// The OCPP 2.0.1 enumerations of DeviceModel, members serialized as their exact OCPP strings.

/// <summary>Attribute type for which value is requested. When absent, default Actual is assumed.</summary>
public enum AttributeEnum
{
    Actual,
    Target,
    MinSet,
    MaxSet,
}

/// <summary>Result of the clear request for this monitor, identified by its Id.</summary>
public enum ClearMonitoringStatusEnum
{
    Accepted,
    Rejected,
    NotFound,
}

/// <summary>OCPP 2.0.1 ComponentCriterionEnumType.</summary>
public enum ComponentCriterionEnum
{
    Active,
    Available,
    Enabled,
    Problem,
}

/// <summary>Data type of this variable.</summary>
public enum DataEnum
{
    [JsonStringEnumMemberName("string")]
    String,

    [JsonStringEnumMemberName("decimal")]
    Decimal,

    [JsonStringEnumMemberName("integer")]
    Integer,

    [JsonStringEnumMemberName("dateTime")]
    DateTime,

    [JsonStringEnumMemberName("boolean")]
    Boolean,

    OptionList,

    SequenceList,

    MemberList,
}

/// <summary>Specifies the event notification type of the message.</summary>
public enum EventNotificationEnum
{
    HardWiredNotification,
    HardWiredMonitor,
    PreconfiguredMonitor,
    CustomMonitor,
}

/// <summary>Type of monitor that triggered this event, e.g. exceeding a threshold value.</summary>
public enum EventTriggerEnum
{
    Alerting,
    Delta,
    Periodic,
}

/// <summary>This indicates whether the Charging Station is able to accept this request.</summary>
public enum GenericDeviceModelStatusEnum
{
    Accepted,
    Rejected,
    NotSupported,
    EmptyResultSet,
}

/// <summary>Result status of getting the variable.</summary>
public enum GetVariableStatusEnum
{
    Accepted,
    Rejected,
    UnknownComponent,
    UnknownVariable,
    NotSupportedAttributeType,
}

/// <summary>The type of this monitor, e.g. a threshold, delta or periodic monitor.</summary>
public enum MonitorEnum
{
    UpperThreshold,
    LowerThreshold,
    Delta,
    Periodic,
    PeriodicClockAligned,
}

/// <summary>Specify which monitoring base will be set</summary>
public enum MonitoringBaseEnum
{
    All,
    FactoryDefault,
    HardWiredOnly,
}

/// <summary>OCPP 2.0.1 MonitoringCriterionEnumType.</summary>
public enum MonitoringCriterionEnum
{
    ThresholdMonitoring,
    DeltaMonitoring,
    PeriodicMonitoring,
}

/// <summary>Defines the mutability of this attribute. Default is ReadWrite when omitted.</summary>
public enum MutabilityEnum
{
    ReadOnly,
    WriteOnly,
    ReadWrite,
}

/// <summary>This field specifies the report base.</summary>
public enum ReportBaseEnum
{
    ConfigurationInventory,
    FullInventory,
    SummaryInventory,
}

/// <summary>Status is OK if a value could be returned. Otherwise this will indicate the reason why a value could not be returned.</summary>
public enum SetMonitoringStatusEnum
{
    Accepted,
    UnknownComponent,
    UnknownVariable,
    UnsupportedMonitorType,
    Rejected,
    Duplicate,
}

/// <summary>Result status of setting the variable.</summary>
public enum SetVariableStatusEnum
{
    Accepted,
    Rejected,
    UnknownComponent,
    UnknownVariable,
    NotSupportedAttributeType,
    RebootRequired,
}
