using System.Diagnostics;
using System.Reflection;

namespace SimLoop.Benchmarks.Compare;

/// <summary>
/// Calls each benchmark body of <c>compare</c> repeatedly before BenchmarkDotNet measures anything, so that the
/// engine's code has reached tier-1 (and dynamic PGO) before the first measurement. Without it, in a short run
/// the first benchmark of a class (its baseline) is measured against partly tier-0 code and every ratio is skewed.
/// </summary>
public static class Warmer
{
    public static void WarmUp(IEnumerable<(Type Type, string Method)> benchmarks, double secondsEach)
    {
        var instances = new Dictionary<Type, object>();
        foreach (var (type, name) in benchmarks)
        {
            if (!instances.TryGetValue(type, out var instance))
            {
                instance = Activator.CreateInstance(type)!;
                foreach (var property in type.GetProperties().Where(p => p.GetCustomAttribute<BenchmarkDotNet.Attributes.ParamsSourceAttribute>() is not null))
                {
                    // The smallest size: enough to tier up the code, cheap enough to repeat.
                    var source = (IEnumerable<int>)type.GetProperty(property.GetCustomAttribute<BenchmarkDotNet.Attributes.ParamsSourceAttribute>()!.Name)!.GetValue(null)!;
                    property.SetValue(instance, source.Min());
                }

                foreach (var setup in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkDotNet.Attributes.GlobalSetupAttribute>() is not null))
                {
                    setup.Invoke(instance, null);
                }

                instances[type] = instance;
            }

            var method = type.GetMethod(name)!;
            var clock = Stopwatch.StartNew();
            var calls = 0;
            while (calls < 2 || (clock.Elapsed.TotalSeconds < secondsEach && calls < 1_000))
            {
                method.Invoke(instance, null);
                calls++;
            }
        }
    }
}
