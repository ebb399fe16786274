using Microsoft.AspNetCore.Http.Features;

namespace FollowUp.Api.Security;

/// <summary>
/// /api bodies: at most <see cref="MaxBodyBytes"/> (413 ProblemDetails), and a body that is not JSON is a 400
/// ProblemDetails rather than minimal APIs' bare 415. Malformed, too deep (<see cref="MaxJsonDepth"/>) or non-UTF-8
/// JSON is a 400 from the endpoint, given a ProblemDetails body by the status-code pages.
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 64 * 1024;
    public const int MaxJsonDepth = 16;

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await TooLarge(context);
            return;
        }
        var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (size is { IsReadOnly: false }) size.MaxRequestBodySize = MaxBodyBytes;
        // A body with a Content-Length (checked above) cannot grow past it: only chunked bodies need counting, and
        // leaving the others alone lets minimal APIs read JSON straight from Kestrel's pipe instead of a stream.
        var limited = context.Request.ContentLength is null ? new BodyLimit(context.Request.Body, MaxBodyBytes) : null;
        if (limited is not null) context.Request.Body = limited;

        await next(context);

        if (context.Response.HasStarted) return;
        if (limited is { Exceeded: true }) await TooLarge(context);
        else if (context.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            await BearerHardening.WriteAsync(context, StatusCodes.Status400BadRequest, "Unsupported content type", "Send the request body as application/json.");
    });

    private static Task TooLarge(HttpContext context) =>
        BearerHardening.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request too large",
            $"Request bodies may hold at most {MaxBodyBytes / 1024} KB.");

    /// <summary>Counts what the endpoint reads, for bodies sent without a Content-Length (chunked).</summary>
    private sealed class BodyLimit(Stream inner, long limit) : Stream
    {
        private long _read;
        public bool Exceeded { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Count(await inner.ReadAsync(buffer, ct));
        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => Count(await inner.ReadAsync(buffer.AsMemory(offset, count), ct));
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        private int Count(int n)
        {
            _read += n;
            if (_read <= limit) return n;
            Exceeded = true;
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
