using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LogStatusTimeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DiagnosticsUploads_StationId",
                table: "DiagnosticsUploads");

            migrationBuilder.AddColumn<string>(
                name: "LogType",
                table: "DiagnosticsUploads",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RequestId",
                table: "DiagnosticsUploads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "DiagnosticsUploads",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LogStatusEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DiagnosticsUploadId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogStatusEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LogStatusEntries_DiagnosticsUploads_DiagnosticsUploadId",
                        column: x => x.DiagnosticsUploadId,
                        principalTable: "DiagnosticsUploads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DiagnosticsUploads_StationId_RequestId",
                table: "DiagnosticsUploads",
                columns: new[] { "StationId", "RequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_LogStatusEntries_DiagnosticsUploadId",
                table: "LogStatusEntries",
                column: "DiagnosticsUploadId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LogStatusEntries");

            migrationBuilder.DropIndex(
                name: "IX_DiagnosticsUploads_StationId_RequestId",
                table: "DiagnosticsUploads");

            migrationBuilder.DropColumn(
                name: "LogType",
                table: "DiagnosticsUploads");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "DiagnosticsUploads");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "DiagnosticsUploads");

            migrationBuilder.CreateIndex(
                name: "IX_DiagnosticsUploads_StationId",
                table: "DiagnosticsUploads",
                column: "StationId");
        }
    }
}
