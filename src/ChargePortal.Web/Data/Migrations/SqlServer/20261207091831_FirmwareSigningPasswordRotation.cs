using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.SqlServer
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
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PasswordRotationDays",
                table: "Stations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Signature",
                table: "FirmwareUpdates",
                type: "nvarchar(800)",
                maxLength: 800,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SigningCertificate",
                table: "FirmwareUpdates",
                type: "nvarchar(max)",
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
