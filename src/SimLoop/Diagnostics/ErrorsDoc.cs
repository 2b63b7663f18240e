namespace SimLoop.Diagnostics;

/// <summary>
/// Every failure message points at the page that explains its kind: docs/errors.md, one section per
/// <see cref="FailureKind"/> (an example message, what causes it, how to fix it). The page ships in the packages
/// (docs/errors.md inside the .nupkg) as well as in the repository.
/// </summary>
internal static class ErrorsDoc
{
    public const string Path = "docs/errors.md";

    public static string Anchor(FailureKind kind) => kind.ToString().ToLowerInvariant();

    public static string See(FailureKind kind) => $"More: {Path}#{Anchor(kind)} (in the SimLoop repository and package): causes and fixes of {kind} failures.";
}
