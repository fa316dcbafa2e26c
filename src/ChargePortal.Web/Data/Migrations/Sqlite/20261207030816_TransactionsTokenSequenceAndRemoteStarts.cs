using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TransactionsTokenSequenceAndRemoteStarts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChargingState",
                table: "Transactions",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FreeVend",
                table: "Transactions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "IdTagRank",
                table: "Transactions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdTokenType",
                table: "Transactions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemoteStartId",
                table: "Transactions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FreeVend",
                table: "Stations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "LastOcppTransactionId",
                table: "Stations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "FreeVend",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RemoteStartRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    RemoteStartId = table.Column<int>(type: "INTEGER", nullable: false),
                    IdTag = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TransactionId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemoteStartRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RemoteStartRequests_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TransactionEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TransactionId = table.Column<long>(type: "INTEGER", nullable: false),
                    SeqNo = table.Column<int>(type: "INTEGER", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TriggerReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransactionEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransactionEvents_Transactions_TransactionId",
                        column: x => x.TransactionId,
                        principalTable: "Transactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RemoteStartRequests_StationId_RemoteStartId",
                table: "RemoteStartRequests",
                columns: new[] { "StationId", "RemoteStartId" });

            migrationBuilder.CreateIndex(
                name: "IX_TransactionEvents_TransactionId_SeqNo",
                table: "TransactionEvents",
                columns: new[] { "TransactionId", "SeqNo" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RemoteStartRequests");

            migrationBuilder.DropTable(
                name: "TransactionEvents");

            migrationBuilder.DropColumn(
                name: "ChargingState",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "FreeVend",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "IdTagRank",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "IdTokenType",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "RemoteStartId",
                table: "Transactions");

            migrationBuilder.DropColumn(
                name: "FreeVend",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "LastOcppTransactionId",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "FreeVend",
                table: "Sites");
        }
    }
}
