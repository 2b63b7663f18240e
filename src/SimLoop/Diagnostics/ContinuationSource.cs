using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Runtime.CompilerServices;
using SimLoop.Loop;

namespace SimLoop.Diagnostics;

/// <summary>
/// Where a step's code resumes, for traces a person reads: "Failing.Lost_update (Failing.cs:22)". A step runs an
/// async method's state machine; the machine's state says which await it resumes after (-1: it starts), and the
/// portable PDB's async stepping information says where each await's yield point is, so the line is that of the
/// statement holding the await. Only full traces ask (a failing iteration's rerun), so the reflection here never
/// runs in an exploration's hot path. Anything unexpected (no PDB, another kind of callback) gives null.
/// </summary>
internal static class ContinuationSource
{
    // Portable PDB custom debug information kind of C#/VB async methods (yield and resume offsets per await).
    private static readonly Guid s_asyncSteppingKind = new("54FD2AC5-E925-401A-9C2A-F94F171072F8");

    // Per state machine type: its readable name and the statement line of each await (by state), computed once.
    // Read-only facts of loaded assemblies: sharing them across simulations cannot change a schedule.
    private static readonly ConcurrentDictionary<Type, MachineInfo?> s_machines = new();

    private sealed record MachineInfo(string Method, string? File, int FirstLine, IReadOnlyList<int> AwaitLines, FieldInfo State);

    /// <summary>The location of the continuation <paramref name="target"/> (a ready item's delegate or state), or null.</summary>
    public static string? Describe(object? target)
    {
        try
        {
            if (target is IUnstartedTask spawned)
            {
                return DescribeEntry(spawned.Body);
            }

            var box = target switch
            {
                Action action => action.Target,
                Delegate other => other.Target,
                _ => target,
            };
            if (box is not IAsyncStateMachine && box?.GetType().GetField("StateMachine") is { } field)
            {
                box = field.GetValue(box);
            }

            if (box is not IAsyncStateMachine machine || s_machines.GetOrAdd(machine.GetType(), Inspect) is not { } info)
            {
                return null;
            }

            var state = (int)info.State.GetValue(machine)!;
            var line = state < 0 ? info.FirstLine : state < info.AwaitLines.Count ? info.AwaitLines[state] : 0;
            return line <= 0 || info.File is null ? info.Method : $"{info.Method} ({info.File}:{line})";
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or ArgumentException or MemberAccessException)
        {
            return null;
        }
    }

    /// <summary>A task's first step runs the delegate given to Sim.Spawn (or Sim.Run): where that method starts.</summary>
    private static string? DescribeEntry(Delegate entry)
    {
        // SimLoop wraps the user's delegate in a closure (_ => body()): follow closures that hold one delegate.
        while (entry.Target is { } closure && closure.GetType().Name.StartsWith('<')
            && closure.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic) is [var only]
            && only.GetValue(closure) is Delegate inner)
        {
            entry = inner;
        }

        var method = entry.Method;
        if (IsSimLoops(method.Module.Assembly))
        {
            return null;
        }

        if (method.GetCustomAttribute<AsyncStateMachineAttribute>() is { StateMachineType: { } machine } && s_machines.GetOrAdd(machine, Inspect) is { } info)
        {
            return info.FirstLine <= 0 || info.File is null ? info.Method : $"{info.Method} ({info.File}:{info.FirstLine})";
        }

        var name = Readable(method.DeclaringType, method.Name);
        using var pdb = OpenPdb(method.Module.Assembly);
        if (pdb is null)
        {
            return name;
        }

        var reader = pdb.GetMetadataReader();
        var first = reader.GetMethodDebugInformation(MetadataTokens.MethodDefinitionHandle(method.MetadataToken)).GetSequencePoints().FirstOrDefault(p => !p.IsHidden);
        return first.Document.IsNil ? name : $"{name} ({Path.GetFileName(reader.GetString(reader.GetDocument(first.Document).Name))}:{first.StartLine})";
    }

    private static MachineInfo? Inspect(Type machine)
    {
        if (IsSimLoops(machine.Assembly))
        {
            return null; // SimLoop's own plumbing (the [SimTest] body runner): the user's code is what a reader wants
        }

        var stateField = machine.GetField("<>1__state", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        var moveNext = machine.GetMethod(nameof(IAsyncStateMachine.MoveNext), BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (stateField is null || moveNext is null)
        {
            return null;
        }

        var method = ReadableName(machine);
        using var pdb = OpenPdb(machine.Assembly);
        if (pdb is null)
        {
            return new MachineInfo(method, null, 0, [], stateField);
        }

        var reader = pdb.GetMetadataReader();
        var handle = MetadataTokens.MethodDefinitionHandle(moveNext.MetadataToken);
        var points = reader.GetMethodDebugInformation(handle).GetSequencePoints().Where(p => !p.IsHidden).ToList();
        if (points.Count == 0)
        {
            return new MachineInfo(method, null, 0, [], stateField);
        }

        var file = Path.GetFileName(reader.GetString(reader.GetDocument(points[0].Document).Name));
        var awaitLines = YieldOffsets(reader, handle)
            .Select(offset => points.LastOrDefault(p => p.Offset <= offset).StartLine)
            .ToList();
        return new MachineInfo(method, file, points[0].StartLine, awaitLines, stateField);
    }

    /// <summary>The IL offset of each await's yield point, in state order (the compiler numbers states in the same order).</summary>
    private static List<int> YieldOffsets(MetadataReader reader, MethodDefinitionHandle moveNext)
    {
        var offsets = new List<int>();
        foreach (var handle in reader.GetCustomDebugInformation(moveNext))
        {
            var info = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(info.Kind) != s_asyncSteppingKind)
            {
                continue;
            }

            var blob = reader.GetBlobReader(info.Value);
            blob.ReadUInt32(); // the catch handler's offset
            while (blob.RemainingBytes > 0)
            {
                offsets.Add((int)blob.ReadUInt32()); // yield offset
                blob.ReadUInt32(); // resume offset
                blob.ReadCompressedInteger(); // the method that resumes (MoveNext itself)
            }
        }

        return offsets;
    }

    private static bool IsSimLoops(Assembly assembly) =>
        assembly == typeof(ContinuationSource).Assembly || string.Equals(assembly.GetName().Name, "SimLoop.NUnit", StringComparison.Ordinal);

    private static MetadataReaderProvider? OpenPdb(Assembly assembly)
    {
        if (string.IsNullOrEmpty(assembly.Location))
        {
            return null;
        }

        var path = Path.ChangeExtension(assembly.Location, ".pdb");
        return File.Exists(path) ? MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(path)) : null;
    }

    /// <summary>"Fixture.Method", "Fixture.Method (lambda)" or "Fixture.Local (in Method)" from a compiler-named state machine.</summary>
    private static string ReadableName(Type machine)
    {
        var name = machine.Name;
        var inner = name.StartsWith('<') && name.LastIndexOf(">d", StringComparison.Ordinal) is > 0 and var end ? name[1..end] : name;
        return Readable(machine.DeclaringType, inner);
    }

    /// <summary>A method's compiler name as a person reads it: "Method", "Method (lambda)" or "Local (in Method)", with its type.</summary>
    private static string Readable(Type? owner, string compilerName)
    {
        while (owner is not null && owner.Name.StartsWith('<'))
        {
            owner = owner.DeclaringType; // a closure class (<>c, <>c__DisplayClass0_0): the user's type encloses it
        }

        var method = compilerName;
        if (compilerName.StartsWith('<') && compilerName.IndexOf('>', StringComparison.Ordinal) is > 0 and var close)
        {
            var outer = compilerName[1..close];
            var rest = compilerName[(close + 1)..];
            method = rest.StartsWith("g__", StringComparison.Ordinal)
                ? $"{rest[3..].Split('|')[0]} (in {outer})"
                : $"{outer} (lambda)";
        }

        return owner is null ? method : $"{owner.Name}.{method}";
    }
}
