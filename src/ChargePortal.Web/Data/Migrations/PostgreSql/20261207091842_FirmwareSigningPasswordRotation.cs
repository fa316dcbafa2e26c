using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FirmwareSigningPasswordRotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PasswordChangedAt",
                table: "Stations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PasswordRotationDays",
                table: "Stations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Signature",
                table: "FirmwareUpdates",
                type: "character varying(800)",
                maxLength: 800,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SigningCertificate",
                table: "FirmwareUpdates",
                type: "character varying(5500)",
                maxLength: 5500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PasswordChangedAt",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "PasswordRotationDays",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "Signature",
                table: "FirmwareUpdates");

            migrationBuilder.DropColumn(
                name: "SigningCertificate",
                table: "FirmwareUpdates");
        }
    }
}
