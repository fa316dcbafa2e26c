using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NetworkProfilesAndFirmwarePublishing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PendingSecurityProfile",
                table: "Stations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Checksum",
                table: "FirmwareUpdates",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "FirmwareUpdates",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Update");

            migrationBuilder.AddColumn<int>(
                name: "RequestId",
                table: "FirmwareUpdates",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "FirmwareStatusEntries",
                type: "nvarchar(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NetworkProfileChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StationId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    ConfigurationSlot = table.Column<int>(type: "int", nullable: false),
                    OcppVersion = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Transport = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    CsmsUrl = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    MessageTimeoutSeconds = table.Column<int>(type: "int", nullable: false),
                    SecurityProfile = table.Column<int>(type: "int", nullable: false),
                    Interface = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Apn = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true),
                    VpnServer = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Priority = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    PriorityStatus = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ResetStatus = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkProfileChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkProfileChanges_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkProfileChanges_StationId",
                table: "NetworkProfileChanges",
                column: "StationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NetworkProfileChanges");

            migrationBuilder.DropColumn(
                name: "PendingSecurityProfile",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "Checksum",
                table: "FirmwareUpdates");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "FirmwareUpdates");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "FirmwareUpdates");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "FirmwareStatusEntries");
        }
    }
}
