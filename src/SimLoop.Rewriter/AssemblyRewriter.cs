using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SimLoop.Rewriter;

/// <summary>
/// Rewrites one assembly in place: every call site in <see cref="CallSites.Table"/> is re-pointed to its helper in
/// SimLoop.dll. An assembly with nothing to rewrite is left untouched; a rewritten one carries
/// [assembly: AssemblyMetadata("SimLoop.Rewritten", ...)] and is skipped next time. Methods and types marked
/// [SimLoop.Interception.NotRewritten] keep their calls.
/// </summary>
internal sealed class AssemblyRewriter(ModuleDefinition simLoop)
{
    public const string Marker = "SimLoop.Rewritten";
    private const string NotRewritten = "SimLoop.Interception.NotRewrittenAttribute";

    /// <summary>Returns how many call sites were re-pointed (0: the file was not written).</summary>
    public int Rewrite(string path)
    {
        var withSymbols = File.Exists(Path.ChangeExtension(path, ".pdb"));
        using var module = Read(path, ref withSymbols);
        if (IsMarked(module.Assembly))
        {
            return 0;
        }

        var count = 0;
        foreach (var type in module.GetTypes().Where(t => !Skipped(t)))
        {
            foreach (var method in type.Methods.Where(m => m.HasBody && !Skipped(m)))
            {
                count += RewriteBody(module, method.Body);
            }
        }

        if (count == 0)
        {
            return 0;
        }

        Mark(module);
        module.Write(path, new WriterParameters { WriteSymbols = withSymbols, DeterministicMvid = true });
        return count;
    }

    // Symbols keep line numbers in stack traces (failure reports print them); a PDB Cecil cannot read is dropped.
    private static ModuleDefinition Read(string path, ref bool withSymbols)
    {
        if (withSymbols)
        {
            try
            {
                return ModuleDefinition.ReadModule(path, new ReaderParameters { InMemory = true, ReadSymbols = true });
            }
            catch (Exception e) when (e is InvalidOperationException or BadImageFormatException or IOException or NotSupportedException)
            {
                withSymbols = false;
            }
        }

        return ModuleDefinition.ReadModule(path, new ReaderParameters { InMemory = true });
    }

    private int RewriteBody(ModuleDefinition module, MethodBody body)
    {
        var count = 0;
        foreach (var instruction in body.Instructions)
        {
            if ((instruction.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj)) || instruction.Operand is not MethodReference target)
            {
                continue;
            }

            if (!CallSites.Table.TryGetValue(Key(target), out var helper))
            {
                continue;
            }

            // After constrained. the receiver is a managed pointer (a generic or struct receiver), not an object: leave it.
            if (instruction.Previous?.OpCode.Code == Code.Constrained)
            {
                continue;
            }

            instruction.OpCode = OpCodes.Call;
            instruction.Operand = Helper(module, target, helper);
            count++;
        }

        return count;
    }

    /// <summary>
    /// "Type::Name(Param,Param)" with every generic argument dropped (Task`1, Func`1): how a generic parameter is named
    /// differs between a definition and a reference to it (TResult, !!0), and no two overloads in the table differ only there.
    /// </summary>
    internal static string Key(MethodReference method)
    {
        var declared = method is GenericInstanceMethod generic ? generic.ElementMethod : method;
        return $"{method.DeclaringType.GetElementType().FullName}::{method.Name}({string.Join(",", declared.Parameters.Select(p => Simple(p.ParameterType)))})";
    }

    private MethodReference Helper(ModuleDefinition module, MethodReference target, (string Type, string Method) helper)
    {
        var type = simLoop.GetType(CallSites.Helpers, helper.Type)
            ?? throw new InvalidOperationException($"SimLoop.dll has no type {CallSites.Helpers}.{helper.Type}: the rewriter and SimLoop.dll are from different versions.");
        var instance = target.HasThis && target.Name != ".ctor" ? 1 : 0;
        var candidates = type.Methods.Where(m => m.Name == helper.Method && m.Parameters.Count == target.Parameters.Count + instance).ToList();
        var definition = candidates.FirstOrDefault(m =>
                (instance == 0 || Simple(m.Parameters[0].ParameterType) == Simple(target.DeclaringType))
                && m.Parameters.Skip(instance).Select(p => Simple(p.ParameterType)).SequenceEqual(target.Parameters.Select(p => Simple(p.ParameterType))))
            ?? throw new InvalidOperationException($"SimLoop.dll has no helper {type.FullName}.{helper.Method} for {Key(target)}: the rewriter and SimLoop.dll are from different versions.");
        var imported = module.ImportReference(definition);
        if (definition.HasGenericParameters && target is GenericInstanceMethod genericMethod)
        {
            var instantiatedMethod = new GenericInstanceMethod(imported);
            foreach (var argument in genericMethod.GenericArguments)
            {
                instantiatedMethod.GenericArguments.Add(argument);
            }

            return instantiatedMethod;
        }

        if (definition.HasGenericParameters && target.DeclaringType is GenericInstanceType generic)
        {
            var instantiated = new GenericInstanceMethod(imported);
            foreach (var argument in generic.GenericArguments)
            {
                instantiated.GenericArguments.Add(argument);
            }

            return instantiated;
        }

        return imported;
    }

    // Parameter types compared by name only: the helper's come from SimLoop's references, the call site's from its own.
    private static string Simple(TypeReference type) => type.GetElementType().FullName;

    private static bool IsMarked(AssemblyDefinition assembly) =>
        assembly.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Reflection.AssemblyMetadataAttribute"
            && a.ConstructorArguments.Count == 2 && Equals(a.ConstructorArguments[0].Value, Marker));

    private static bool Marked(ICustomAttributeProvider member) => member.CustomAttributes.Any(a => a.AttributeType.FullName == NotRewritten);

    // A marked type covers its nested types; a marked method covers what the compiler generated for it (its async or
    // iterator state machine, its lambdas and local functions, and theirs), all named <Method>... and nested somewhere
    // inside the type that declares the method.
    private static bool Skipped(TypeDefinition type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (Marked(t) || GeneratedForMarked(t.Name, t.DeclaringType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Skipped(MethodDefinition method) => Marked(method) || GeneratedForMarked(method.Name, method.DeclaringType);

    private static bool GeneratedForMarked(string name, TypeDefinition? scope)
    {
        if (GeneratedFor(name) is not { } owner)
        {
            return false;
        }

        for (var type = scope; type is not null; type = type.DeclaringType)
        {
            if (type.Methods.Any(m => m.Name == owner && Marked(m)))
            {
                return true;
            }
        }

        return false;
    }

    // "<Run>d__3", "<Run>b__3_0", "<<Run>b__3_0>d" and "<Run>g__Local|3_0" were all generated for Run.
    internal static string? GeneratedFor(string name)
    {
        var inner = name.TrimStart('<');
        var end = inner.IndexOf('>', StringComparison.Ordinal);
        return inner.Length < name.Length && end > 0 ? inner[..end] : null;
    }

    private static void Mark(ModuleDefinition module)
    {
        var attribute = new TypeReference("System.Reflection", "AssemblyMetadataAttribute", module, module.TypeSystem.CoreLibrary);
        var constructor = new MethodReference(".ctor", module.TypeSystem.Void, attribute) { HasThis = true };
        constructor.Parameters.Add(new ParameterDefinition(module.TypeSystem.String));
        constructor.Parameters.Add(new ParameterDefinition(module.TypeSystem.String));
        var marker = new CustomAttribute(constructor);
        marker.ConstructorArguments.Add(new CustomAttributeArgument(module.TypeSystem.String, Marker));
        marker.ConstructorArguments.Add(new CustomAttributeArgument(module.TypeSystem.String, "call sites re-pointed to SimLoop.Interception"));
        module.Assembly.CustomAttributes.Add(marker);
    }
}
