using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeviceModelVariables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeviceModelVariables",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    ComponentName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ComponentInstance = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConnectorId = table.Column<int>(type: "INTEGER", nullable: true),
                    VariableName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    VariableInstance = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 240, nullable: false),
                    DataType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    MinLimit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    MaxLimit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    ValuesList = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SupportsMonitoring = table.Column<bool>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attributes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceModelVariables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeviceModelVariables_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceModelVariables_StationId_Key",
                table: "DeviceModelVariables",
                columns: new[] { "StationId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviceModelVariables");
        }
    }
}
