using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FollowUp.Api.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUpLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DraftClaim",
                table: "follow_ups",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DraftClaimUntil",
                table: "follow_ups",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedLetter",
                table: "follow_ups",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DraftClaim",
                table: "follow_ups");

            migrationBuilder.DropColumn(
                name: "DraftClaimUntil",
                table: "follow_ups");

            migrationBuilder.DropColumn(
                name: "ProtectedLetter",
                table: "follow_ups");
        }
    }
}
