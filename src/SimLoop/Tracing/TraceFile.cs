namespace SimLoop.Tracing;

/// <summary>Writes a trace file (Chrome JSON, HTML timeline) as UTF-8 without a byte-order mark, creating its directory.</summary>
internal static class TraceFile
{
    public static void Write(string path, string content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, content);
    }
}
