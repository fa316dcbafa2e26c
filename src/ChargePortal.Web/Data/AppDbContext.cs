using ChargePortal.Web.Accounts;
using ChargePortal.Web.Alerts;
using ChargePortal.Web.Audit;
using ChargePortal.Web.DeviceModel;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Ocpp.Diagnostics;
using ChargePortal.Web.Operators.Firmware;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Reservations;
using ChargePortal.Web.Sites;
using ChargePortal.Web.StationEvents;
using ChargePortal.Web.Stations;
using ChargePortal.Web.StationSecurity;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Accounts.ApiKeys;

namespace ChargePortal.Web.Data;

/// <summary>
/// The one database of ChargePortal, Identity included. Each provider has a subclass
/// (<see cref="SqliteAppDbContext"/>, <see cref="SqlServerAppDbContext"/>) so that each keeps
/// its own migrations; the rest of the app asks for <see cref="AppDbContext"/>.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<SiteOwnership> SiteOwnerships => Set<SiteOwnership>();
    public DbSet<Station> Stations => Set<Station>();
    public DbSet<Connector> Connectors => Set<Connector>();
    public DbSet<IdToken> IdTokens => Set<IdToken>();
    public DbSet<ChargingTransaction> Transactions => Set<ChargingTransaction>();
    public DbSet<MeterValue> MeterValues => Set<MeterValue>();
    public DbSet<Transactions.Signing.SignedMeterReading> SignedMeterReadings => Set<Transactions.Signing.SignedMeterReading>();
    public DbSet<Transactions.Signing.StationMeterKey> StationMeterKeys => Set<Transactions.Signing.StationMeterKey>();
    public DbSet<Tariff> Tariffs => Set<Tariff>();
    public DbSet<TariffPeriod> TariffPeriods => Set<TariffPeriod>();
    public DbSet<Reservation> Reservations => Set<Reservation>();
    public DbSet<ReservationSlot> ReservationSlots => Set<ReservationSlot>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<ProcessedWebhookEvent> ProcessedWebhookEvents => Set<ProcessedWebhookEvent>();
    public DbSet<DriverPaymentProfile> DriverPaymentProfiles => Set<DriverPaymentProfile>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OcppMessageLogEntry> OcppMessageLog => Set<OcppMessageLogEntry>();
    public DbSet<DiagnosticsUpload> DiagnosticsUploads => Set<DiagnosticsUpload>();
    public DbSet<LogStatusEntry> LogStatusEntries => Set<LogStatusEntry>();
    public DbSet<FirmwareUpdate> FirmwareUpdates => Set<FirmwareUpdate>();
    public DbSet<FirmwareStatusEntry> FirmwareStatusEntries => Set<FirmwareStatusEntry>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<TransactionEventRecord> TransactionEvents => Set<TransactionEventRecord>();
    public DbSet<RemoteStartRequest> RemoteStartRequests => Set<RemoteStartRequest>();

    /// <summary>The shared Data Protection key ring (see DataProtectionSetup).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<DeviceModelVariable> DeviceModelVariables => Set<DeviceModelVariable>();
    public DbSet<StationEventRecord> StationEvents => Set<StationEventRecord>();
    public DbSet<Monitoring.VariableMonitorRecord> VariableMonitors => Set<Monitoring.VariableMonitorRecord>();
    public DbSet<DisplayMessages.StationDisplayMessage> DisplayMessages => Set<DisplayMessages.StationDisplayMessage>();
    public DbSet<DisplayMessages.DisplayMessageQuery> DisplayMessageQueries => Set<DisplayMessages.DisplayMessageQuery>();
    public DbSet<CustomerInformation.CustomerInformationRequestRecord> CustomerInformationRequests => Set<CustomerInformation.CustomerInformationRequestRecord>();
    public DbSet<CustomerInformation.CustomerInformationPart> CustomerInformationParts => Set<CustomerInformation.CustomerInformationPart>();
    public DbSet<CustomerInformation.CustomerDataClearance> CustomerDataClearances => Set<CustomerInformation.CustomerDataClearance>();

    public DbSet<Operators.SmartCharging.Profiles.SetChargingProfileRecord> SetChargingProfiles => Set<Operators.SmartCharging.Profiles.SetChargingProfileRecord>();
    public DbSet<Operators.SmartCharging.Profiles.ChargingProfileReport> ChargingProfileReports => Set<Operators.SmartCharging.Profiles.ChargingProfileReport>();

    public DbSet<LoadManagement.ExternalChargingLimit> ExternalChargingLimits => Set<LoadManagement.ExternalChargingLimit>();

    public DbSet<StationSecurity.NetworkProfiles.NetworkProfileChange> NetworkProfileChanges => Set<StationSecurity.NetworkProfiles.NetworkProfileChange>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<StationSecurity.Certificates.StationCertificate> StationCertificates => Set<StationSecurity.Certificates.StationCertificate>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and stable when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}
