using ChargePortal.Web.Accounts;
using ChargePortal.Web.Components;
using ChargePortal.Web.Drivers.Charging;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Endpoint;
using ChargePortal.Web.Operators;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;
using Serilog;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ContentRootLocator.Locate(args),
});

builder.AddOperations();
builder.Services.AddAppDatabase(builder.Configuration);
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddOperators();
builder.Services.AddStations();
builder.Services.AddOcpp(builder.Configuration);
builder.Services.AddTariffs();
builder.Services.AddPayments(builder.Configuration);
builder.Services.AddDriverCharging();
builder.Services.AddPortal();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseSerilogRequestLogging();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseWebSockets();

app.MapStaticAssets();
app.MapOperations();
app.MapAccountEndpoints();
app.MapStationsApi();
app.MapOcpp();
app.MapTokensApi();
app.MapTransactionsApi();
app.MapPayments();
app.MapPortal();

await app.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
