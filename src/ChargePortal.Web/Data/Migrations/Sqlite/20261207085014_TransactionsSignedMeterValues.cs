using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TransactionsSignedMeterValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignedMeterReadings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: false),
                    TransactionId = table.Column<long>(type: "INTEGER", nullable: true),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Measurand = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Context = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SignedMeterData = table.Column<string>(type: "TEXT", nullable: false),
                    SigningMethod = table.Column<string>(type: "TEXT", nullable: true),
                    EncodingMethod = table.Column<string>(type: "TEXT", nullable: true),
                    PublicKey = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignedMeterReadings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignedMeterReadings_Transactions_TransactionId",
                        column: x => x.TransactionId,
                        principalTable: "Transactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StationMeterKeys",
                columns: table => new
                {
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicKey = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationMeterKeys", x => new { x.StationId, x.EvseId });
                    table.ForeignKey(
                        name: "FK_StationMeterKeys_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignedMeterReadings_TransactionId_Timestamp",
                table: "SignedMeterReadings",
                columns: new[] { "TransactionId", "Timestamp" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignedMeterReadings");

            migrationBuilder.DropTable(
                name: "StationMeterKeys");
        }
    }
}
