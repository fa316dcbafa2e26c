using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChargePortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Session8ProtocolSecurityRoaming : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reservations_UserId",
                table: "Reservations");

            migrationBuilder.AddColumn<string>(
                name: "ChargingState",
                table: "Transactions",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FreeVend",
                table: "Transactions",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "IdTagRank",
                table: "Transactions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdTokenType",
                table: "Transactions",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemoteStartId",
                table: "Transactions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AllowUnsecured",
                table: "Stations",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "FreeVend",
                table: "Stations",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "LastOcppTransactionId",
                table: "Stations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "FreeVend",
                table: "Sites",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "NoShowPaymentId",
                table: "Reservations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClearedAt",
                table: "Alerts",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Severity",
                table: "Alerts",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeviceModelVariables",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StationId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    ComponentName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ComponentInstance = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    EvseId = table.Column<int>(type: "int", nullable: true),
                    ConnectorId = table.Column<int>(type: "int", nullable: true),
                    VariableName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    VariableInstance = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Key = table.Column<string>(type: "nvarchar(240)", maxLength: 240, nullable: false),
                    DataType = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Unit = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    MinLimit = table.Column<decimal>(type: "decimal(18,6)", precision: 18, scale: 6, nullable: true),
                    MaxLimit = table.Column<decimal>(type: "decimal(18,6)", precision: 18, scale: 6, nullable: true),
                    ValuesList = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SupportsMonitoring = table.Column<bool>(type: "bit", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Attributes = table.Column<string>(type: "nvarchar(max)", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "RemoteStartRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StationId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    RemoteStartId = table.Column<int>(type: "int", nullable: false),
                    IdTag = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    TransactionId = table.Column<long>(type: "bigint", nullable: true)
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
                name: "RoamingPartners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CountryCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    PartyId = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    InboundTokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    InboundTokenIsRegistrationToken = table.Column<bool>(type: "bit", nullable: false),
                    OutboundToken = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    VersionsUrl = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: true),
                    Version = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    EndpointsJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    RolesJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PublishAllSites = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastHandshakeError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoamingPartners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StationId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Timestamp = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    TechInfo = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecurityEvents_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StationId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Component = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ComponentInstance = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    EvseId = table.Column<int>(type: "int", nullable: true),
                    ConnectorId = table.Column<int>(type: "int", nullable: true),
                    Variable = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    VariableInstance = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Trigger = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ActualValue = table.Column<string>(type: "nvarchar(2500)", maxLength: 2500, nullable: true),
                    TechCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    TechInfo = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Cleared = table.Column<bool>(type: "bit", nullable: true),
                    EventId = table.Column<int>(type: "int", nullable: true),
                    Severity = table.Column<int>(type: "int", nullable: true),
                    VariableMonitoringId = table.Column<int>(type: "int", nullable: true),
                    EventNotificationType = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    TransactionId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TransactionEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TransactionId = table.Column<long>(type: "bigint", nullable: false),
                    SeqNo = table.Column<int>(type: "int", nullable: false),
                    EventType = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    TriggerReason = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Timestamp = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "RoamingCdrs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(39)", maxLength: 39, nullable: false),
                    PartnerId = table.Column<int>(type: "int", nullable: false),
                    SessionId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    TransactionId = table.Column<long>(type: "bigint", nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    LastUpdatedTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoamingCdrs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoamingCdrs_RoamingPartners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "RoamingPartners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoamingModuleActivity",
                columns: table => new
                {
                    PartnerId = table.Column<int>(type: "int", nullable: false),
                    Module = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    LastPushAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastPushErrorAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastPushError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LastPullAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoamingModuleActivity", x => new { x.PartnerId, x.Module });
                    table.ForeignKey(
                        name: "FK_RoamingModuleActivity_RoamingPartners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "RoamingPartners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoamingOutbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PartnerId = table.Column<int>(type: "int", nullable: false),
                    Module = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Method = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Path = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    AbsoluteUrl = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAtTicks = table.Column<long>(type: "bigint", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoamingOutbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoamingOutbox_RoamingPartners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "RoamingPartners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoamingPartnerSites",
                columns: table => new
                {
                    PartnerId = table.Column<int>(type: "int", nullable: false),
                    SiteId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoamingPartnerSites", x => new { x.PartnerId, x.SiteId });
                    table.ForeignKey(
                        name: "FK_RoamingPartnerSites_RoamingPartners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "RoamingPartners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoamingPartnerSites_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoamingReservations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PartnerId = table.Column<int>(type: "int", nullable: false),
                    ReservationId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    StationId = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoamingReservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoamingReservations_RoamingPartners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "RoamingPartners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoamingSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    PartnerId = table.Column<int>(type: "int", nullable: false),
                    TransactionId = table.Column<long>(type: "bigint", nullable: false),
                    LocationId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    EvseUid = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    ConnectorId = table.Column<int>(type: "int", nullable: false),
                    TokenCountryCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    TokenPartyId = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    TokenUid = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    TokenType = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ContractId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    AuthMethod = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    AuthorizationReference = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EnergyWh = table.Column<long>(type: "bigint", nullable: false),
                    TotalCostExclVat = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    TotalCostInclVat = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    LastUpdatedTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoamingSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoamingSessions_RoamingPartners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "RoamingPartners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoamingSessions_Transactions_TransactionId",
                        column: x => x.TransactionId,
                        principalTable: "Transactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoamingTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PartnerId = table.Column<int>(type: "int", nullable: false),
                    CountryCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    PartyId = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Uid = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ContractId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    VisualNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Issuer = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    GroupId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: true),
                    Valid = table.Column<bool>(type: "bit", nullable: false),
                    Whitelist = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    LastUpdated = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PendingAuthMethod = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    AuthorizationReference = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoamingTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoamingTokens_RoamingPartners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "RoamingPartners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_UserId_Status",
                table: "Reservations",
                columns: new[] { "UserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_StationId_ClearedAt",
                table: "Alerts",
                columns: new[] { "StationId", "ClearedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceModelVariables_StationId_Key",
                table: "DeviceModelVariables",
                columns: new[] { "StationId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RemoteStartRequests_StationId_RemoteStartId",
                table: "RemoteStartRequests",
                columns: new[] { "StationId", "RemoteStartId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoamingCdrs_PartnerId_LastUpdatedTicks",
                table: "RoamingCdrs",
                columns: new[] { "PartnerId", "LastUpdatedTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_RoamingCdrs_SessionId",
                table: "RoamingCdrs",
                column: "SessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoamingOutbox_PartnerId_Id",
                table: "RoamingOutbox",
                columns: new[] { "PartnerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RoamingPartners_InboundTokenHash",
                table: "RoamingPartners",
                column: "InboundTokenHash",
                unique: true,
                filter: "[InboundTokenHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RoamingPartnerSites_SiteId",
                table: "RoamingPartnerSites",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_RoamingReservations_PartnerId_ReservationId",
                table: "RoamingReservations",
                columns: new[] { "PartnerId", "ReservationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoamingSessions_PartnerId_LastUpdatedTicks",
                table: "RoamingSessions",
                columns: new[] { "PartnerId", "LastUpdatedTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_RoamingSessions_TransactionId",
                table: "RoamingSessions",
                column: "TransactionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoamingTokens_CountryCode_PartyId_Uid_Type",
                table: "RoamingTokens",
                columns: new[] { "CountryCode", "PartyId", "Uid", "Type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoamingTokens_PartnerId",
                table: "RoamingTokens",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_RoamingTokens_Uid",
                table: "RoamingTokens",
                column: "Uid");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_StationId_Timestamp",
                table: "SecurityEvents",
                columns: new[] { "StationId", "Timestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_StationEvents_ReceivedAt",
                table: "StationEvents",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StationEvents_StationId_At",
                table: "StationEvents",
                columns: new[] { "StationId", "At" });

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
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DeviceModelVariables");

            migrationBuilder.DropTable(
                name: "RemoteStartRequests");

            migrationBuilder.DropTable(
                name: "RoamingCdrs");

            migrationBuilder.DropTable(
                name: "RoamingModuleActivity");

            migrationBuilder.DropTable(
                name: "RoamingOutbox");

            migrationBuilder.DropTable(
                name: "RoamingPartnerSites");

            migrationBuilder.DropTable(
                name: "RoamingReservations");

            migrationBuilder.DropTable(
                name: "RoamingSessions");

            migrationBuilder.DropTable(
                name: "RoamingTokens");

            migrationBuilder.DropTable(
                name: "SecurityEvents");

            migrationBuilder.DropTable(
                name: "StationEvents");

            migrationBuilder.DropTable(
                name: "TransactionEvents");

            migrationBuilder.DropTable(
                name: "RoamingPartners");

            migrationBuilder.DropIndex(
                name: "IX_Reservations_UserId_Status",
                table: "Reservations");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_StationId_ClearedAt",
                table: "Alerts");

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
                name: "AllowUnsecured",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "FreeVend",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "LastOcppTransactionId",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "FreeVend",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "NoShowPaymentId",
                table: "Reservations");

            migrationBuilder.DropColumn(
                name: "ClearedAt",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Severity",
                table: "Alerts");

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_UserId",
                table: "Reservations",
                column: "UserId");
        }
    }
}
