using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
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
