using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PaymentStartRequestedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StartRequestedAt",
                table: "Payments",
                type: "datetimeoffset",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StartRequestedAt",
                table: "Payments");
        }
    }
}
