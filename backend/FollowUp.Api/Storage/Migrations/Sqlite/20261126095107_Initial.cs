using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FollowUp.Api.Storage.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "follow_ups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    InterviewerEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    InterviewerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProtectedNotes = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedInterests = table.Column<string>(type: "TEXT", nullable: true),
                    GiftUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OutlookDraftId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    OutlookDraftWebLink = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    ScheduledSendAt = table.Column<long>(type: "INTEGER", nullable: true)
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
