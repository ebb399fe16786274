using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FollowUp.Api.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "follow_ups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EventId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    InterviewerEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    InterviewerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProtectedNotes = table.Column<string>(type: "text", nullable: true),
                    ProtectedInterests = table.Column<string>(type: "text", nullable: true),
                    GiftUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OutlookDraftId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    OutlookDraftWebLink = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    ScheduledSendAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_ups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_follow_ups_TenantId_UserId_EventId_InterviewerEmail",
                table: "follow_ups",
                columns: new[] { "TenantId", "UserId", "EventId", "InterviewerEmail" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_ups_UpdatedAt",
                table: "follow_ups",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "follow_ups");
        }
    }
}
