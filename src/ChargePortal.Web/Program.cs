using ChargePortal.Web.Accounts;
using ChargePortal.Web.Components;
using ChargePortal.Web.Data;
using ChargePortal.Web.Drivers;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Endpoint;
using ChargePortal.Web.Operators;
using ChargePortal.Web.Reservations;
using ChargePortal.Web.Stations;
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
builder.Services.AddReservations(builder.Configuration);
builder.Services.AddDrivers(builder.Configuration);
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
app.MapPortal();

await app.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
