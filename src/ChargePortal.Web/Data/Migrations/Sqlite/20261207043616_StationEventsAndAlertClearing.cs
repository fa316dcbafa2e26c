using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StationEventsAndAlertClearing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClearedAt",
                table: "Alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Severity",
                table: "Alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Component = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ComponentInstance = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConnectorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Variable = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    VariableInstance = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ActualValue = table.Column<string>(type: "TEXT", maxLength: 2500, nullable: true),
                    TechCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    TechInfo = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Cleared = table.Column<bool>(type: "INTEGER", nullable: true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: true),
                    Severity = table.Column<int>(type: "INTEGER", nullable: true),
                    VariableMonitoringId = table.Column<int>(type: "INTEGER", nullable: true),
                    EventNotificationType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_StationId_ClearedAt",
                table: "Alerts",
                columns: new[] { "StationId", "ClearedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StationEvents_ReceivedAt",
                table: "StationEvents",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StationEvents_StationId_At",
                table: "StationEvents",
                columns: new[] { "StationId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StationEvents");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_StationId_ClearedAt",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "ClearedAt",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Severity",
                table: "Alerts");
        }
    }
}
