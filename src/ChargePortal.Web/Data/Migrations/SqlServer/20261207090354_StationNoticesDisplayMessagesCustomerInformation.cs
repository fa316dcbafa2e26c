using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StationNoticesDisplayMessagesCustomerInformation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerDataClearances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StationId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    IdToken = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    IdTokenType = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastOutcome = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    RequestId = table.Column<int>(type: "int", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    GaveUp = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerDataClearances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerDataClearances_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerInformationParts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StationId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    RequestId = table.Column<int>(type: "int", nullable: false),
                    SeqNo = table.Column<int>(type: "int", nullable: false),
                    Tbc = table.Column<bool>(type: "bit", nullable: false),
                    Data = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    GeneratedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerInformationParts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerInformationParts_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerInformationRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StationId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    RequestId = table.Column<int>(type: "int", nullable: false),
                    Report = table.Column<bool>(type: "bit", nullable: false),
                    Clear = table.Column<bool>(type: "bit", nullable: false),
                    CustomerKind = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Customer = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CustomerDetail = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerInformationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerInformationRequests_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisplayMessageQueries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StationId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    RequestId = table.Column<int>(type: "int", nullable: false),
                    RequestedIds = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    Priority = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Reported = table.Column<int>(type: "int", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisplayMessageQueries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisplayMessageQueries_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisplayMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StationId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    MessageId = table.Column<int>(type: "int", nullable: false),
                    Priority = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    TransactionId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: true),
                    Format = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    Content = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ReportedInRequest = table.Column<int>(type: "int", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisplayMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisplayMessages_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerDataClearances_CompletedAt_NextAttemptAt",
                table: "CustomerDataClearances",
                columns: new[] { "CompletedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerDataClearances_StationId",
                table: "CustomerDataClearances",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerInformationParts_StationId_RequestId_SeqNo",
                table: "CustomerInformationParts",
                columns: new[] { "StationId", "RequestId", "SeqNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerInformationRequests_StationId_RequestId",
                table: "CustomerInformationRequests",
                columns: new[] { "StationId", "RequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_DisplayMessageQueries_StationId_RequestId",
                table: "DisplayMessageQueries",
                columns: new[] { "StationId", "RequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_DisplayMessages_StationId_MessageId",
                table: "DisplayMessages",
                columns: new[] { "StationId", "MessageId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerDataClearances");

            migrationBuilder.DropTable(
                name: "CustomerInformationParts");

            migrationBuilder.DropTable(
                name: "CustomerInformationRequests");

            migrationBuilder.DropTable(
                name: "DisplayMessageQueries");

            migrationBuilder.DropTable(
                name: "DisplayMessages");
        }
    }
}
