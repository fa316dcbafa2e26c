using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SitesRfidBilling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RfidBilling",
                table: "Sites",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "PostPaid");

            migrationBuilder.AddColumn<bool>(
                name: "BlockedByOperator",
                table: "IdTokens",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RfidBilling",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "BlockedByOperator",
                table: "IdTokens");
        }
    }
}
