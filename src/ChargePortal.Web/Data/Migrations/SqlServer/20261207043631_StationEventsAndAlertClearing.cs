using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StationEventsAndAlertClearing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClearedAt",
                table: "Alerts",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Severity",
                table: "Alerts",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StationId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Component = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ComponentInstance = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    EvseId = table.Column<int>(type: "int", nullable: true),
                    ConnectorId = table.Column<int>(type: "int", nullable: true),
                    Variable = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    VariableInstance = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Trigger = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ActualValue = table.Column<string>(type: "nvarchar(2500)", maxLength: 2500, nullable: true),
                    TechCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    TechInfo = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Cleared = table.Column<bool>(type: "bit", nullable: true),
                    EventId = table.Column<int>(type: "int", nullable: true),
                    Severity = table.Column<int>(type: "int", nullable: true),
                    VariableMonitoringId = table.Column<int>(type: "int", nullable: true),
                    EventNotificationType = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    TransactionId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: true)
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
