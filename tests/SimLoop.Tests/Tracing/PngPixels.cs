using System.Buffers.Binary;
using System.IO.Compression;

namespace SimLoop.Tests.Tracing;

/// <summary>
/// Just enough of PNG to look at a browser's screenshot: 8-bit RGB or RGBA, not interlaced (what Chromium writes).
/// Returns every pixel as 0xRRGGBB.
/// </summary>
internal static class PngPixels
{
    public static (int Width, int Height, int[] Pixels) Decode(byte[] png)
    {
        Assert.That(png.AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }), Is.True, "not a PNG file");
        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var body = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                Assert.That((body[8], body[12]), Is.EqualTo(((byte)8, (byte)0)), "only 8-bit, non-interlaced PNGs are read");
                channels = body[9] switch { 2 => 3, 6 => 4, _ => throw new AssertionException($"PNG colour type {body[9]} is not read") };
            }
            else if (type == "IDAT")
            {
                compressed.Write(body);
            }

            at += 12 + length;
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var row = new byte[stride];
        var pixels = new int[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, y * (stride + 1) + 1, row, 0, stride);
            Unfilter(filter, row, previous, channels);
            for (var x = 0; x < width; x++)
            {
                pixels[y * width + x] = (row[x * channels] << 16) | (row[x * channels + 1] << 8) | row[x * channels + 2];
            }

            (previous, row) = (row, previous);
        }

        return (width, height, pixels);
    }

    private static void Unfilter(byte filter, byte[] row, byte[] above, int bpp)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0, up = above[i], upLeft = i >= bpp ? above[i - bpp] : 0;
            row[i] += filter switch
            {
                0 => 0,
                1 => (byte)left,
                2 => (byte)up,
                3 => (byte)((left + up) / 2),
                4 => Paeth(left, up, upLeft),
                _ => throw new AssertionException($"PNG filter {filter} does not exist"),
            };
        }
    }

    private static byte Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
    }
}
