using System.Reflection;
using System.Runtime.ExceptionServices;
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

    private static async Task Invoke(MethodInfo method, object? fixture, object?[] arguments)
    {
        object? returned;
        try
        {
            returned = method.Invoke(method.IsStatic ? null : fixture, BindingFlags.DoNotWrapExceptions, null, arguments, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        switch (returned)
        {
            case Task task:
                await task;
                break;
            case ValueTask valueTask:
                await valueTask;
                break;
            case not null when returned.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>):
                await (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                break;
        }
    }
}
