using System.Globalization;
using System.Text;

namespace SimLoop.Exploration;

/// <summary>
/// A copy-pastable, versioned handle on one run: SL1_&lt;strategy&gt;_&lt;seed hex&gt;[_&lt;decisions&gt;][_T&lt;scope&gt;]_&lt;check&gt;.
/// Underscores only, so a double-click selects the whole token in a terminal. Without decisions the strategy
/// re-derives every choice from the seed; with decisions (a shrunk schedule) they are replayed in order and an
/// exhausted list falls back to index 0 (FIFO). The scope, when there is one, names what made the token (a
/// [SimTest]'s full name, hashed: see <see cref="ScopeOf"/>), so a token applied from outside the code (an
/// environment variable) replays only that test. The check digits catch a token that was cut or mistyped.
/// </summary>
internal sealed record ReplayToken(string Strategy, ulong Seed, IReadOnlyList<int>? Decisions, string? Scope = null)
{
    public const string Version = "SL1";
    private const string Example = "SL1_random_2A_3f0c";

    // A scope part is "T" and 8 hex digits: an upper-case T never starts a decision list (digits 0-9 a-v).
    private const char ScopeMark = 'T';

    /// <summary>The scope of a token made by the test (or other producer) called <paramref name="identity"/>.</summary>
    public static string ScopeOf(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var hash = 2166136261u;
        foreach (var c in identity)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>This token, scoped to <paramref name="identity"/>.</summary>
    public ReplayToken ScopedTo(string identity) => this with { Scope = ScopeOf(identity) };

    /// <summary>True when the token has no scope or was made by <paramref name="identity"/>.</summary>
    public bool AppliesTo(string identity) => Scope is null || string.Equals(Scope, ScopeOf(identity), StringComparison.Ordinal);

    public override string ToString()
    {
        var body = new StringBuilder(Version).Append('_').Append(Strategy).Append('_')
            .Append(Seed.ToString("X", CultureInfo.InvariantCulture));
        if (Decisions is not null)
        {
            body.Append('_').Append(DecisionCodec.Encode(Decisions));
        }

        if (Scope is not null)
        {
            body.Append('_').Append(ScopeMark).Append(Scope);
        }

        var text = body.ToString();
        return text + "_" + Check(text);
    }

    public static ReplayToken Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var text = token.Trim();
        var parts = text.Split('_');
        if (parts.Length is < 4 or > 6 || parts[0].Length == 0)
        {
            throw Invalid(token, "it does not have the form SL1_<strategy>_<seed>[_<decisions>][_T<scope>]_<check>");
        }

        if (!string.Equals(parts[0], Version, StringComparison.Ordinal))
        {
            throw Invalid(token, $"it is version '{parts[0]}', and this SimLoop reads version {Version} only (was it made by another SimLoop release?)");
        }

        var body = text[..text.LastIndexOf('_')];
        if (!string.Equals(parts[^1], Check(body), StringComparison.Ordinal))
        {
            throw Invalid(token, "its check digits do not match (the token was cut or mistyped; copy it whole from the failure message)");
        }

        if (!ulong.TryParse(parts[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var seed))
        {
            throw Invalid(token, $"its seed '{parts[2]}' is not a hexadecimal number");
        }

        string? scope = null;
        var optional = parts[3..^1].ToList();
        if (optional.Count > 0 && optional[^1].StartsWith(ScopeMark))
        {
            scope = optional[^1][1..];
            optional.RemoveAt(optional.Count - 1);
            if (scope.Length != 8 || !scope.All(char.IsAsciiHexDigitLower))
            {
                throw Invalid(token, $"its scope 'T{scope}' is not T and 8 hexadecimal digits");
            }
        }

        if (optional.Count > 1)
        {
            throw Invalid(token, "it does not have the form SL1_<strategy>_<seed>[_<decisions>][_T<scope>]_<check>");
        }

        IReadOnlyList<int>? decisions = null;
        if (optional.Count == 1)
        {
            decisions = DecisionCodec.Decode(optional[0])
                ?? throw Invalid(token, "its decision list is damaged");
        }

        return new ReplayToken(parts[1], seed, decisions, scope);
    }

    public static ArgumentException Invalid(string token, string reason) => new(
        $"The replay token '{token}' is not valid: {reason}. A replay token looks like {Example} " +
        "(version, strategy, seed in hex, an optional decision list, an optional scope naming the test that made it, check digits); a failing run prints it after 'replay with'.");

    private static string Check(string body)
    {
        // FNV-1a, folded to 16 bits: enough to catch a cut or a typo.
        var hash = 2166136261u;
        foreach (var c in body)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return ((hash ^ (hash >> 16)) & 0xFFFF).ToString("x4", CultureInfo.InvariantCulture);
    }
}
