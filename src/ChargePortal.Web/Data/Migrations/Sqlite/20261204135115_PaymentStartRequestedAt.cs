using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentStartRequestedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "StartRequestedAt",
                table: "Payments",
                type: "INTEGER",
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
