using ChargePortal.Web.Accounts;
using ChargePortal.Web.Cluster;
using ChargePortal.Web.Users;
using ChargePortal.Web.Alerts;
using ChargePortal.Web.Audit;
using ChargePortal.Web.Components;
using ChargePortal.Web.Drivers.Charging;
using ChargePortal.Web.CustomerInformation;
using ChargePortal.Web.Data;
using ChargePortal.Web.Dashboard;
using ChargePortal.Web.DisplayMessages;
using ChargePortal.Web.Demo;
using ChargePortal.Web.DeviceModel;
using ChargePortal.Web.Drivers;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Realtime;
using ChargePortal.Web.LoadManagement;
using ChargePortal.Web.Monitoring;
using ChargePortal.Web.Ocpp.Endpoint;
using ChargePortal.Web.Operators;
using ChargePortal.Web.Operators.Firmware;
using ChargePortal.Web.Operators.SmartCharging.Profiles;
using ChargePortal.Web.Operators.StationTools;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Payments;
using ChargePortal.Web.PlugAndCharge;
using ChargePortal.Web.Reservations;
using ChargePortal.Web.Roaming;
using ChargePortal.Web.StationEvents;
using ChargePortal.Web.Stations;
using ChargePortal.Web.StationSecurity;
using ChargePortal.Web.StationSecurity.NetworkProfiles;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Telemetry;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;
using ChargePortal.Web.Transactions.Signing;
using Serilog;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ContentRootLocator.Locate(args),
});

builder.AddOperations();
builder.AddWebSecurity();
builder.Services.AddAppDatabase(builder.Configuration);
builder.Services.AddSharedDataProtection(builder.Configuration);
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddOperators();
builder.Services.AddStations();
builder.Services.AddStationSecurity();
builder.Services.AddPlugAndCharge();
builder.Services.AddOcpp(builder.Configuration);
builder.Services.AddDeviceModel();
builder.Services.AddVariableMonitoring();
builder.Services.AddDisplayMessages();
builder.Services.AddCustomerInformation();
builder.Services.AddStationEvents();
builder.Services.AddOperatorStationTools();
builder.Services.AddSiteLoadManagement();
builder.Services.AddChargingProfileTracking();
builder.Services.AddNetworkProfiles();
builder.Services.AddAlerts(builder.Configuration);
builder.Services.AddSessions();
builder.Services.AddSignedMeterValues();
builder.Services.AddSiteManagement()
    .AddSiteDashboard();
builder.Services.AddTokenManagement();
builder.Services.AddUserAdmin();
builder.Services.AddAuditPages();
builder.Services.AddLive();
builder.Services.AddTariffs();
builder.Services.AddPayments(builder.Configuration);
builder.Services.AddDriverCharging();
builder.Services.AddReservations(builder.Configuration);
builder.Services.AddDrivers(builder.Configuration);
builder.Services.AddRoaming(builder.Configuration);
builder.Services.AddPortal();
builder.Services.AddDemoStations();
builder.Services.AddCluster(builder.Configuration); // the one single-node/cluster seam (Cluster/ClusterSetup.cs); its place does not matter
builder.AddTelemetry();

var app = builder.Build();
app.UseWebSecurity(); // forwarded headers, security headers, HSTS

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
// A station's connection is one request that lasts for hours. The acceptor logs its connect and disconnect;
// request logging would only keep a collector alive per connected station, to log "101" when it goes.
app.UseWhen(context => !OcppEndpoint.IsStationConnection(context.Request), branch => branch.UseSerilogRequestLogging());
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseWebSockets();

app.MapStaticAssets();
app.MapOperations();
app.MapTelemetry();
app.MapAccountEndpoints();
app.MapStationsApi();
app.MapStationSecurityApi();
app.MapOcpp();
app.MapDeviceModelApi();
app.MapMonitoringApi();
app.MapChargingProfilesApi();
app.MapNetworkProfilesApi();
app.MapFirmwareApi();
app.MapDisplayMessagesApi();
app.MapCustomerInformationApi();
app.MapStationEventsApi();
app.MapTokensApi();
app.MapTransactionsApi();
app.MapDiagnosticsDownloads();
app.MapSessionsExport();
app.MapSignedMeterValues();
app.MapLive();
app.MapPayments();
app.MapRoaming();
app.MapPortal();

await app.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
