using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TransactionsPricingNote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PricingNote",
                table: "Transactions",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PricingNote",
                table: "Transactions");
        }
    }
}
