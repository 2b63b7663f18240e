using System.Reflection;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace SimLoop.NUnit;

/// <summary>
/// One iteration of a [SimTest]: the fixture's SetUp methods, the test method with its arguments, the TearDown
/// methods, all invoked directly inside the simulation (NUnit's own command chain blocks on async methods with a
/// sync-over-async adapter, which would deadlock on the loop's single thread).
/// </summary>
internal static class IterationBody
{
    public static Func<Task> For(TestExecutionContext context)
    {
        var test = (TestMethod)context.CurrentTest;
        var fixture = context.TestObject;
        var arguments = test.Arguments;
        var owner = Ancestors(test).OfType<TestFixture>().FirstOrDefault();
        var setUps = owner?.SetUpMethods ?? [];
        var tearDowns = (owner?.TearDownMethods ?? []).Reverse().ToArray();

        return async () =>
        {
            foreach (var setUp in setUps)
            {
                await Invoke(setUp.MethodInfo, fixture, []);
            }

            try
            {
                await Invoke(test.Method.MethodInfo, fixture, arguments);
            }
            catch (SuccessException)
            {
                // Assert.Pass() ends this iteration as a pass.
            }
            finally
            {
                foreach (var tearDown in tearDowns)
                {
                    await Invoke(tearDown.MethodInfo, fixture, []);
                }
            }
        };
    }

    private static IEnumerable<ITest> Ancestors(TestMethod test)
    {
        for (var current = test.Parent; current is not null; current = current.Parent)
        {
            yield return current;
        }
    }

    /// <summary>Calls the method and hands back its task as is: no extra await, so no extra step on the loop.</summary>
    private static Task Invoke(MethodInfo method, object? fixture, object?[] arguments)
    {
        object? returned;
        try
        {
            returned = method.Invoke(method.IsStatic ? null : fixture, BindingFlags.DoNotWrapExceptions, null, arguments, null);
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }

        return returned switch
        {
            Task task => task,
            ValueTask valueTask => valueTask.AsTask(),
            not null when returned.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>)
                => (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!,
            _ => Task.CompletedTask,
        };
    }
}
