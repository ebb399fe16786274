using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FollowUp.Api.Storage;

/// <summary>
/// WAL with synchronous=NORMAL on every SQLite connection: a committed write survives the process being killed
/// (only an OS crash or power loss can drop the last commits), and writes stop waiting on fsync.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
