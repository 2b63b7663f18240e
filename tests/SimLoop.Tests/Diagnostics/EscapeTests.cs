using SimLoop.Interception;
using Snapshooter.NUnit;

namespace SimLoop.Tests.Diagnostics;

// Work that leaves the loop for a real thread cannot be simulated: it must fail the run at the step that handed it
// off, with the same text every time, never pass by luck or hang.
public class EscapeTests
{
    private static SimulationFailedException RunExpectingFailure(Func<Task> main, SimOptions? options = null) =>
        Assert.Throws<SimulationFailedException>(() => Sim.Run(main, options))!;

    [Test]
    public void Strict_mode_task_Run_fails_with_UncontrolledConcurrency()
    {
        var failure = RunExpectingFailure(async () =>
        {
#pragma warning disable RS0030
            await Task.Run(() => 1);
#pragma warning restore RS0030
        }, Bcl.Escapes.Strict);

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency));
        Snapshot.Match(MessageText.WithoutLineNumbers(failure.Message));
    }

    [Test]
    public void Strict_mode_a_ConfigureAwait_false_continuation_fails_with_UncontrolledConcurrency_naming_it()
    {
        var failure = RunExpectingFailure(async () =>
        {
            var signal = new TaskCompletionSource();
            var waiter = Sim.Spawn("waiter", async () =>
            {
                await signal.Task.ConfigureAwait(false);
            });
            await Sim.Delay(TimeSpan.FromSeconds(1));
            signal.SetResult();
            await waiter;
        }, Bcl.Escapes.Strict);

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency));
        Assert.That(failure.Message, Does.Contain("ConfigureAwait(false)"));
        Snapshot.Match(MessageText.WithoutLineNumbers(failure.Message));
    }

    [Test]
    [NotRewritten] // a real timer, as code that is not rewritten arms one
    public void A_real_Task_Delay_fails_with_UncontrolledConcurrency_instead_of_waiting()
    {
        var failure = RunExpectingFailure(async () =>
        {
            await Sim.Delay(TimeSpan.FromSeconds(3));
            await Task.Delay(TimeSpan.FromHours(1));
        });

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency));
        Snapshot.Match(MessageText.WithoutLineNumbers(failure.Message));
    }

    [Test]
    [NotRewritten] // a PeriodicTimer without a TimeProvider, as code that is not rewritten makes one
    public void A_PeriodicTimer_on_the_machines_clock_is_reported_as_a_real_timer_not_as_a_deadlock()
    {
        var failure = RunExpectingFailure(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            await timer.WaitForNextTickAsync();
        });

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency));
        Assert.That(failure.Failure.What, Does.StartWith("task 'main' handed work to a real thread at virtual time 00:00:00.000 (step 0): "));
        Assert.That(failure.Failure.What, Does.Contain(": new PeriodicTimer(...) started a real timer (1000 ms on the machine's clock). Called from:"));
        Assert.That(failure.Failure.Fix, Does.Contain("new PeriodicTimer(period, Sim.Time)"));
    }

    [Test]
    public void Strict_mode_cancelAsync_runs_callbacks_on_the_thread_pool_and_fails()
    {
        var failure = RunExpectingFailure(async () =>
        {
            using var cancellation = new CancellationTokenSource();
            cancellation.Token.Register(() => { });
            await cancellation.CancelAsync();
        }, Bcl.Escapes.Strict);

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency));
    }

    [Test]
    public void A_Sim_call_from_a_real_thread_is_refused_and_fails_the_run()
    {
        var failure = RunExpectingFailure(async () =>
        {
            var loop = Sim.Current;
            var thread = new Thread(() =>
            {
                try
                {
                    loop.Time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
                }
                catch (InvalidOperationException)
                {
                }
            });
            thread.Start();
            thread.Join();
            await Sim.Delay(TimeSpan.FromSeconds(1));
        });

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency));
    }

    [Test]
    public void An_infinite_delay_on_virtual_time_is_a_deadlock_not_a_real_timer()
    {
        var failure = RunExpectingFailure(async () =>
        {
            using var cancellation = new CancellationTokenSource();
            await Task.Delay(Timeout.InfiniteTimeSpan, Sim.Time, cancellation.Token);
        });

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.Deadlock));
        Assert.That(failure.Message, Does.Contain("Task.Delay(Timeout.Infinite): it never ends by itself"));
    }

    [Test]
    [NotRewritten] // a real timer, as code that is not rewritten arms one
    public void WaitAsync_with_a_real_timeout_is_reported_as_a_real_timer()
    {
        var failure = RunExpectingFailure(async () =>
        {
            using var gate = new SemaphoreSlim(0);
            await gate.WaitAsync(TimeSpan.FromMilliseconds(50));
        });

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency));
    }
}
