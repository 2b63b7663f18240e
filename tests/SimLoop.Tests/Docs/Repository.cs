namespace SimLoop.Tests.Docs;

/// <summary>The repository's root folder, for tests that read its documents.</summary>
internal static class Repository
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SimLoop.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new AssertionException("SimLoop.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
