using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SmartChargingProfilesAndLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChargingProfileReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriteriaJson = table.Column<string>(type: "TEXT", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Complete = table.Column<bool>(type: "INTEGER", nullable: false),
                    Parts = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChargingProfileReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChargingProfileReports_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExternalChargingLimits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    IsGridCritical = table.Column<bool>(type: "INTEGER", nullable: true),
                    ScheduleJson = table.Column<string>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalChargingLimits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExternalChargingLimits_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SetChargingProfiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StackLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ProfileJson = table.Column<string>(type: "TEXT", nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SetChargingProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SetChargingProfiles_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportedChargingProfiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StackLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ProfileJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportedChargingProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportedChargingProfiles_ChargingProfileReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ChargingProfileReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChargingProfileReports_StationId_RequestId",
                table: "ChargingProfileReports",
                columns: new[] { "StationId", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExternalChargingLimits_StationId_EvseId_Source",
                table: "ExternalChargingLimits",
                columns: new[] { "StationId", "EvseId", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportedChargingProfiles_ReportId",
                table: "ReportedChargingProfiles",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_SetChargingProfiles_StationId_ProfileId",
                table: "SetChargingProfiles",
                columns: new[] { "StationId", "ProfileId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExternalChargingLimits");

            migrationBuilder.DropTable(
                name: "ReportedChargingProfiles");

            migrationBuilder.DropTable(
                name: "SetChargingProfiles");

            migrationBuilder.DropTable(
                name: "ChargingProfileReports");
        }
    }
}
