using Snapshooter.NUnit;

namespace SimLoop.Tests.Diagnostics;

// A blocking wait on the loop thread can never end (the only thread that could end it is blocked), so every one
// fails the run at once with BlockingWait, naming the API and the caller.
public class BlockingWaitTests
{
    private static SimulationFailedException RunExpectingFailure(Func<Task> main) =>
        Assert.Throws<SimulationFailedException>(() => Sim.Run(main))!;

    [Test]
    public void Result_on_an_unfinished_task_fails_with_BlockingWait()
    {
        var failure = RunExpectingFailure(async () =>
        {
            var reply = Sim.Spawn("server", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                return 42;
            });
            await Sim.Delay(TimeSpan.FromMilliseconds(300));
            _ = reply.Result;
        });

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.BlockingWait));
        Snapshot.Match(MessageText.WithoutLineNumbers(failure.Message));
    }

    [Test]
    public void Wait_on_an_unfinished_task_names_Task_Wait()
    {
        var failure = RunExpectingFailure(() =>
        {
            new TaskCompletionSource().Task.Wait();
            return Task.CompletedTask;
        });

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.BlockingWait));
        Assert.That(failure.Message, Does.StartWith("SimLoop: task 'main' blocked the loop thread in Task.Wait() at virtual time 00:00:00.000 (step 0)."));
    }

    [Test]
    public void GetAwaiter_GetResult_on_an_unfinished_task_fails_with_BlockingWait()
    {
        var failure = RunExpectingFailure(() =>
        {
            new TaskCompletionSource<int>().Task.GetAwaiter().GetResult();
            return Task.CompletedTask;
        });

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.BlockingWait));
        Assert.That(failure.Message, Does.StartWith("SimLoop: task 'main' blocked the loop thread in TaskAwaiter<T>.GetResult()"));
    }

    [Test]
    public void SemaphoreSlim_Wait_fails_with_BlockingWait()
    {
        var failure = RunExpectingFailure(() =>
        {
            using var gate = new SemaphoreSlim(0);
            gate.Wait();
            return Task.CompletedTask;
        });

        Assert.That(failure.Message, Does.StartWith("SimLoop: task 'main' blocked the loop thread in SemaphoreSlim.Wait()"));
    }

    [Test]
    public void Monitor_Wait_fails_with_BlockingWait()
    {
        var gate = new object();
        var failure = RunExpectingFailure(() =>
        {
            lock (gate)
            {
                Monitor.Wait(gate);
            }

            return Task.CompletedTask;
        });

        Assert.That(failure.Message, Does.StartWith("SimLoop: task 'main' blocked the loop thread in Monitor.Wait()"));
    }

    [Test]
    public void A_lock_held_by_a_real_thread_fails_with_BlockingWait()
    {
        var gate = new object();
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            lock (gate)
            {
                held.Set();
                release.Wait();
            }
        });
        holder.Start();
        held.Wait();
        try
        {
            var failure = RunExpectingFailure(() =>
            {
                lock (gate)
                {
                }

                return Task.CompletedTask;
            });
            Assert.That(failure.Message, Does.StartWith("SimLoop: task 'main' blocked the loop thread in Monitor.Enter()"));
        }
        finally
        {
            release.Set();
            holder.Join();
        }
    }

    [Test]
    public void Result_of_a_finished_task_is_fine()
    {
        var result = Sim.Run(async () =>
        {
            var done = Sim.Spawn("quick", () => Task.FromResult(7));
            await Sim.Delay(TimeSpan.FromSeconds(1));
            return done.Result;
        });

        Assert.That(result.Value, Is.EqualTo(7));
    }
}
