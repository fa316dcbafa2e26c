using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.PostgreSql
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Checksum",
                table: "FirmwareUpdates",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "FirmwareUpdates",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Update");

            migrationBuilder.AddColumn<int>(
                name: "RequestId",
                table: "FirmwareUpdates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "FirmwareStatusEntries",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NetworkProfileChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    ConfigurationSlot = table.Column<int>(type: "integer", nullable: false),
                    OcppVersion = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Transport = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CsmsUrl = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    MessageTimeoutSeconds = table.Column<int>(type: "integer", nullable: false),
                    SecurityProfile = table.Column<int>(type: "integer", nullable: false),
                    Interface = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Apn = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    VpnServer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Priority = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PriorityStatus = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResetStatus = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
